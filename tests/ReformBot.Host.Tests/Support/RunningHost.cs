using Microsoft.AspNetCore.Builder;
using ReformBot.Host.Cli;
using ReformBot.Host.Web;

namespace ReformBot.Host.Tests.Support;

/// <summary>The real host (Kestrel on a free loopback port, a real LiteDB file) started in this process.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningHost(WebApplication app, string databasePath, HostEndpointFile endpoint)
    {
        _app = app;
        DatabasePath = databasePath;
        Endpoint = endpoint;
        Http = new HttpClient { BaseAddress = new Uri(endpoint.Url) };
    }

    public string DatabasePath { get; }

    public HostEndpointFile Endpoint { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="configure">Changes to the host before it is built: settings, replaced services, log capture.</param>
    /// <param name="urls">Where Kestrel listens; loopback by default.</param>
    /// <param name="arguments">More command-line arguments of the host, e.g. --webroot.</param>
    public static async Task<RunningHost> StartAsync(string databasePath, Action<WebApplicationBuilder>? configure = null, string urls = "http://127.0.0.1:0",
        string[]? arguments = null)
    {
        var app = ReformBotWebHost.Build(["--db", databasePath, "--urls", urls, .. arguments ?? []], TestFiles.Messages, configure: configure);
        await app.StartAsync();
        var endpoint = HostEndpointFile.Read(databasePath)
            ?? throw new InvalidOperationException("The host started without writing its endpoint file.");
        return new RunningHost(app, databasePath, endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
