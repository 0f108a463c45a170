using System.Diagnostics;
using System.Text.Json;
using ReformBot.Host.Cli;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Web;

/// <summary>
/// The executable as the office runs it: a host process, and the command-line tool beside it (run in
/// this process: what matters is that the host is another one).
/// </summary>
public sealed class ProcessTests : IDisposable
{
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "ReformBot.Host.dll");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_command_line_tool_works_beside_a_running_host_and_after_the_host_is_killed()
    {
        using var host = Start("serve", "--db", TemplateDatabase.CopyTo(_dir.DatabasePath), "--urls", "http://127.0.0.1:0");
        try
        {
            await WaitForEndpointFile(host);

            var whileRunning = CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath);
            Assert.Equal(0, whileRunning.ExitCode);
            Assert.Equal(119, JsonDocument.Parse(whileRunning.Output).RootElement.GetArrayLength());

            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            Assert.True(File.Exists(HostEndpointFile.PathFor(_dir.DatabasePath))); // left behind by the kill

            var afterKill = CliRun.Of("task", "1", "--json", "--db", _dir.DatabasePath);
            Assert.Equal(0, afterKill.ExitCode);
            Assert.Equal(1, JsonDocument.Parse(afterKill.Output).RootElement.GetProperty("number").GetInt32());
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_damaged_database_and_a_second_host_each_stop_the_host_with_one_line_and_exit_code_3()
    {
        var damaged = _dir.File("damaged.db");
        File.WriteAllBytes(damaged, [.. new byte[8192], .. File.ReadAllBytes(TemplateDatabase.CopyTo(_dir.DatabasePath))[8192..]]);
        var (code, error) = await RunToExit(Start("serve", "--db", damaged, "--urls", "http://127.0.0.1:0"));
        Assert.Equal(3, code);
        Assert.Equal($"数据库文件 {damaged} 已损坏，无法读取（the first page is not a LiteDB 5 header）。服务没有启动，文件未作任何改动。"
            + "请停止后用备份恢复：restore <备份文件>（服务每日自动备份的文件默认在数据库旁的 backups 目录）。", error.Trim());

        using var first = Start("serve", "--db", _dir.DatabasePath, "--urls", "http://127.0.0.1:0");
        try
        {
            await WaitForEndpointFile(first);
            (code, error) = await RunToExit(Start("serve", "--db", _dir.DatabasePath, "--urls", "http://127.0.0.1:0"));
            Assert.Equal(3, code);
            Assert.Equal($"数据库 {_dir.DatabasePath} 已被另一个 ReformBot 服务使用，本服务没有启动。同一数据库只能运行一个服务。", error.Trim());
        }
        finally
        {
            first.Kill(entireProcessTree: true);
        }
    }

    private static async Task<(int ExitCode, string Error)> RunToExit(Process process)
    {
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return (process.ExitCode, await error);
        }
    }

    private Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(HostDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    private async Task WaitForEndpointFile(Process host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (HostEndpointFile.Read(_dir.DatabasePath) is null)
        {
            if (host.HasExited) throw new InvalidOperationException("The host exited: " + await host.StandardError.ReadToEndAsync());
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The host did not become ready in 60 s.");
            await Task.Delay(100);
        }
    }
}
