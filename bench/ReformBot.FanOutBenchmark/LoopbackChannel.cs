using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ReformBot.FanOutBenchmark;

/// <summary>
/// A channel's connector service on a free loopback port that accepts every activity and answers
/// {"id":"..."}, as a channel does, counting what it received.
/// </summary>
internal sealed class LoopbackChannel : IAsyncDisposable
{
    public const string ChannelId = "bench";

    private readonly WebApplication _app;
    private int _received;

    private LoopbackChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public int Received => Volatile.Read(ref _received);

    public void Reset() => Interlocked.Exchange(ref _received, 0);

    public static async Task<LoopbackChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var channel = new LoopbackChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", async (HttpContext http) =>
        {
            // Read the activity as a channel would, then acknowledge it.
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            Interlocked.Increment(ref channel._received);
            return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        channel.ServiceUrl = address.TrimEnd('/') + "/";
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
