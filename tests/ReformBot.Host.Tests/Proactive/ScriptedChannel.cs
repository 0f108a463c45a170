using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReformBot.Host.Tests.Proactive;

/// <summary>
/// A channel's connector service on a free loopback port whose answers can be scripted per
/// conversation: by default it accepts every activity and answers {"id":"..."} as a channel does.
/// Every request is recorded with the moment it arrived, so tests measure waits on the channel's side.
/// </summary>
public sealed class ScriptedChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Answer[]> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requestCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Hit> _hits = new();

    private ScriptedChannel(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put in conversation addresses.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Every request so far, in order of arrival.</summary>
    public IReadOnlyList<Hit> Hits => _hits.ToArray();

    public IReadOnlyList<Hit> HitsOf(string conversationId) => Hits.Where(h => h.ConversationId == conversationId).ToList();

    public static async Task<ScriptedChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var channel = new ScriptedChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) =>
            channel.AnswerAsync(http, conversationId, activityId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) =>
            channel.AnswerAsync(http, conversationId, null));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        channel.ServiceUrl = address.TrimEnd('/') + "/";
        return channel;
    }

    /// <summary>
    /// The answers to a conversation's requests in turn; the last one repeats. Unscripted conversations
    /// get <see cref="Answer.Ok"/>.
    /// </summary>
    public void Script(string conversationId, params Answer[] answers)
    {
        if (answers.Length == 0) throw new ArgumentException("A script needs at least one answer.", nameof(answers));
        _scripts[conversationId] = answers;
    }

    private async Task AnswerAsync(HttpContext http, string conversationId, string? replyToId)
    {
        var arrived = Stopwatch.GetTimestamp();
        var activity = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: http.RequestAborted);
        var attempt = _requestCounts.AddOrUpdate(conversationId, 1, (_, count) => count + 1);
        var answer = _scripts.TryGetValue(conversationId, out var script) ? script[Math.Min(attempt, script.Length) - 1] : Answer.Ok;
        var id = answer.Status is >= 200 and < 300 ? Guid.NewGuid().ToString("N") : null;
        _hits.Enqueue(new Hit(conversationId, attempt, replyToId, activity, arrived, answer.Status, id, http.Request.Headers.Authorization.ToString()));

        if (answer.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(answer.Delay, http.RequestAborted); }
            catch (OperationCanceledException) { return; } // the sender gave up waiting
        }
        http.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null) http.Response.Headers.RetryAfter = answer.RetryAfter;
        if (id is not null)
            await http.Response.WriteAsJsonAsync(new { id });
        else
            await http.Response.WriteAsJsonAsync(new { error = new { code = "Scripted", message = $"scripted {answer.Status} for {conversationId}" } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <param name="Attempt">The how-many-th request for this conversation (1 for the first).</param>
    /// <param name="ReplyToId">The activity replied to, from the path; null for a plain send.</param>
    /// <param name="Arrived">When the request arrived, as a <see cref="Stopwatch"/> timestamp.</param>
    /// <param name="Status">The scripted status (not sent if the sender hung up first).</param>
    /// <param name="ActivityId">The id answered on success.</param>
    public sealed record Hit(string ConversationId, int Attempt, string? ReplyToId, JsonElement Activity, long Arrived, int Status,
        string? ActivityId, string Authorization)
    {
        public string? Text => Activity.TryGetProperty("text", out var text) ? text.GetString() : null;

        /// <summary>How long after <paramref name="earlier"/> this request arrived.</summary>
        public TimeSpan After(Hit earlier) => Stopwatch.GetElapsedTime(earlier.Arrived, Arrived);
    }
}

/// <param name="RetryAfter">The Retry-After header to send, as written.</param>
/// <param name="Delay">How long to wait before answering.</param>
public sealed record Answer(int Status, string? RetryAfter = null, TimeSpan Delay = default)
{
    public static Answer Ok { get; } = new(200);

    public static Answer Fail(int status, string? retryAfter = null) => new(status, retryAfter);

    public static Answer Slow(TimeSpan delay) => new(200, Delay: delay);
}
