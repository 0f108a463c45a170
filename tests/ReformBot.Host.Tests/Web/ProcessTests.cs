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
