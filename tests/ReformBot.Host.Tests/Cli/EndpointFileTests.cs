using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using ReformBot.Host.Cli;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>
/// The endpoint file as another local user could abuse it: planted where the tool looks, or left stale with its
/// port taken by another program. The tool sends nothing to a server that has not proved it holds the token.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class EndpointFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_planted_file_writable_by_others_is_not_trusted_and_nothing_is_sent()
    {
        await using var impostor = await Impostor.StartAsync();
        Plant(impostor.Url, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);

        var run = CliRun.Of("admin-invite", "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("不信任服务地址文件", run.Error);
        Assert.Contains("writable by other users", run.Error);
        Assert.Equal(0, impostor.Requests);
        Assert.False(File.Exists(_dir.DatabasePath), "the tool did not fall back to the database either");
    }

    [Fact]
    public async Task A_file_in_a_directory_others_can_write_to_is_not_trusted()
    {
        await using var impostor = await Impostor.StartAsync();
        Plant(impostor.Url, OwnerOnlyFiles.FileMode);
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);

        var run = CliRun.Of("tasks", "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(_dir.Path + " is writable by other users", run.Error);
        Assert.Equal(0, impostor.Requests);
    }

    [Fact]
    public async Task A_server_that_cannot_prove_it_holds_the_token_gets_no_command()
    {
        await using var impostor = await Impostor.StartAsync();
        Plant(impostor.Url, OwnerOnlyFiles.FileMode);

        var run = CliRun.Of("admin-invite", "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("未能证明持有令牌", run.Error);
        Assert.Equal(1, impostor.Requests); // the challenge only
        Assert.Equal(0, impostor.Commands);
    }

    [Fact]
    public void A_host_that_accepts_but_never_answers_is_given_up_on_within_seconds()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        Plant($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", OwnerOnlyFiles.FileMode);

        var clock = Stopwatch.StartNew();
        var run = CliRun.Of("tasks", "--db", _dir.DatabasePath);

        Assert.InRange(clock.Elapsed, AdminProtocol.ProofTimeout - TimeSpan.FromSeconds(1), AdminProtocol.ProofTimeout + TimeSpan.FromSeconds(5));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("秒内没有应答", run.Error);
    }

    [Fact]
    public async Task The_host_replaces_an_existing_open_file_with_an_owner_only_one()
    {
        Plant("http://127.0.0.1:9", (UnixFileMode)0b110_110_110);

        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(HostEndpointFile.PathFor(_dir.DatabasePath)));
        var run = CliRun.Of("task", "1", "--db", _dir.DatabasePath);
        Assert.Equal(0, run.ExitCode);
    }

    private void Plant(string url, UnixFileMode mode)
    {
        var path = HostEndpointFile.PathFor(_dir.DatabasePath);
        File.WriteAllText(path, JsonSerializer.Serialize(new HostEndpointFile(url, "planted-token", Environment.ProcessId)));
        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Another user's server: answers the challenge with a made-up proof and counts what reaches it.</summary>
    private sealed class Impostor : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;
        private int _commands;

        private Impostor(WebApplication app) => _app = app;

        public string Url => _app.Urls.First();

        public int Requests => _requests;

        public int Commands => _commands;

        public static async Task<Impostor> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var impostor = new Impostor(app);
            app.Use((context, next) =>
            {
                Interlocked.Increment(ref impostor._requests);
                return next(context);
            });
            app.MapPost(AdminProtocol.ProofPath, () => Results.Ok(new AdminProofResponse("00")));
            app.MapPost(AdminProtocol.Path, () =>
            {
                Interlocked.Increment(ref impostor._commands);
                return Results.Ok(new AdminCliResponse(0, "FAKE-CODE", ""));
            });
            await app.StartAsync();
            return impostor;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
