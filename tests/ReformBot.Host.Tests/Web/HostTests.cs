using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Host.Cli;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Web;

/// <summary>The host over real HTTP on loopback, and the command-line tool beside it on the same database.</summary>
public sealed class HostTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_new_database_is_seeded_and_health_reports_it()
    {
        await using var host = await RunningHost.StartAsync(_dir.DatabasePath);

        var health = await host.Http.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(119, health.GetProperty("tasks").GetInt32());
        Assert.StartsWith("http://127.0.0.1:", host.Endpoint.Url);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(HostEndpointFile.PathFor(_dir.DatabasePath)));
    }

    [Fact]
    public async Task The_endpoint_file_goes_away_when_the_host_stops()
    {
        var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));
        Assert.True(File.Exists(HostEndpointFile.PathFor(_dir.DatabasePath)));

        await host.DisposeAsync();

        Assert.False(File.Exists(HostEndpointFile.PathFor(_dir.DatabasePath)));
    }

    [Fact]
    public async Task The_command_line_tool_works_while_the_host_holds_the_database()
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));
        Assert.ThrowsAny<IOException>(() => new LiteDbStore(_dir.DatabasePath)); // direct mode: the host holds the file

        var tasks = CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath);
        var missing = CliRun.Of("task", "500", "--db", _dir.DatabasePath);

        Assert.Equal(0, tasks.ExitCode);
        Assert.Equal(119, JsonDocument.Parse(tasks.Output).RootElement.GetArrayLength());
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("没有第 500 项任务", missing.Error);
    }

    [Fact]
    public async Task An_import_through_the_running_host_is_written_and_seen_by_the_host()
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));
        var revised = _dir.File("revised.txt");
        File.WriteAllText(revised, TestFiles.ShippedPlan.Replace("推进中科援疆基金健康运行", "推进中科援疆基金规范健康运行"));

        var dryRun = CliRun.Of("import", revised, "--dry-run", "--db", _dir.DatabasePath);
        Assert.Contains("变更 1 项", dryRun.Output);
        Assert.Contains("推进中科援疆基金健康运行", CliRun.Of("task", "49", "--db", _dir.DatabasePath).Output);

        var import = CliRun.Of("import", revised, "--db", _dir.DatabasePath);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("~ 第 49 项", import.Output);
        Assert.Contains("推进中科援疆基金规范健康运行", CliRun.Of("task", "49", "--db", _dir.DatabasePath).Output);
        Assert.Contains("没有变更", CliRun.Of("import", revised, "--db", _dir.DatabasePath).Output);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000")]
    public async Task The_admin_endpoint_refuses_a_caller_without_the_token(string? token)
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminProtocol.Path)
        {
            Content = JsonContent.Create(new AdminCliRequest(["tasks", "--json"], _dir.Path)),
        };
        if (token is not null) request.Headers.Add(AdminProtocol.TokenHeader, token);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_endpoint_refuses_a_remote_caller_even_with_the_token()
    {
        await using var host = await RunningHost.StartAsync(_dir.DatabasePath, builder =>
            builder.Services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(IPAddress.Parse("203.0.113.5"))));
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminProtocol.Path)
        {
            Content = JsonContent.Create(new AdminCliRequest(["tasks", "--json"], _dir.Path)),
        };
        request.Headers.Add(AdminProtocol.TokenHeader, host.Endpoint.Token);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_command_line_tool_reaches_a_host_on_a_dual_mode_socket()
    {
        // The host sees the tool's 127.0.0.1 as ::ffff:127.0.0.1 here.
        await using var host = await RunningHost.StartAsync(_dir.DatabasePath, urls: "http://[::]:0");

        var tasks = CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, tasks.ExitCode);
        Assert.Equal(119, JsonDocument.Parse(tasks.Output).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_second_host_on_the_same_database_does_not_start()
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

        await Assert.ThrowsAnyAsync<IOException>(() => RunningHost.StartAsync(_dir.DatabasePath));

        Assert.Equal(host.Endpoint, HostEndpointFile.Read(_dir.DatabasePath));
    }

    [Fact]
    public void The_command_line_tool_says_so_when_the_database_is_held_and_no_host_answers()
    {
        using var holder = new LiteDbStore(_dir.DatabasePath);

        var run = CliRun.Of("tasks", "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("正被另一个进程独占使用", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void A_stale_endpoint_file_left_by_a_dead_host_is_ignored()
    {
        new HostEndpointFile("http://127.0.0.1:9", "stale", ProcessId: int.MaxValue).Write(_dir.DatabasePath);

        var run = CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(119, JsonDocument.Parse(run.Output).RootElement.GetArrayLength());
    }
}
