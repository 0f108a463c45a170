using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// A channel's connector service on a free loopback port: it takes the activities the bot sends to
/// its serviceUrl (POST /v3/conversations/{id}/activities[/{replyToId}]), records them and answers
/// with a resource id, as a channel does.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();

    private FakeChannel(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put in activities.</summary>
    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<Received> Activities => _received.ToArray();

    public static async Task<FakeChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var channel = new FakeChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, JsonElement activity, HttpRequest request) =>
            channel.Record(conversationId, activityId, activity, request));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, JsonElement activity, HttpRequest request) =>
            channel.Record(conversationId, null, activity, request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        channel.ServiceUrl = address.TrimEnd('/') + "/";
        return channel;
    }

    private IResult Record(string conversationId, string? activityId, JsonElement activity, HttpRequest request)
    {
        _received.Enqueue(new Received(conversationId, activityId, activity.Clone(), request.Headers.Authorization.ToString()));
        return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <param name="ActivityId">The activity replied to, from the path; null for a plain send.</param>
    /// <param name="Authorization">The Authorization header as sent (empty without an app id).</param>
    public sealed record Received(string ConversationId, string? ActivityId, JsonElement Activity, string Authorization)
    {
        public string? Text => Activity.TryGetProperty("text", out var text) ? text.GetString() : null;
    }
}
