using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Contacts;
using ReformBot.Host.Proactive;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Proactive;

/// <summary>
/// The real host's <see cref="IProactiveSender"/> against a scripted channel on loopback: the Bot
/// Framework connector protocol end to end, with the answers a channel gives when things go wrong.
/// </summary>
public sealed class ProactiveSenderTests : IDisposable
{
    private const string Channel = "test";

    private readonly TempDirectory _dir = new();
    private readonly LogCapture _logs = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_message_is_posted_to_the_conversation_as_a_new_message()
    {
        await using var channel = await ScriptedChannel.StartAsync();
        await using var host = await StartHostAsync();

        var delivery = await Sender(host).SendAsync(Address(channel, "19:abc@thread.test"), "请汇报本季度进展", CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, delivery.Result);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(200, delivery.StatusCode);
        Assert.Null(delivery.Error);
        var hit = Assert.Single(channel.Hits);
        Assert.Equal(hit.ActivityId, delivery.ActivityId);
        Assert.Equal("19:abc@thread.test", hit.ConversationId);
        Assert.Null(hit.ReplyToId); // POST .../activities, not a reply to the continuation event's made-up id
        Assert.Equal("message", hit.Activity.GetProperty("type").GetString());
        Assert.Equal("请汇报本季度进展", hit.Text);
        Assert.Equal("reformbot", hit.Activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user-1", hit.Activity.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("19:abc@thread.test", hit.Activity.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(Channel, hit.Activity.GetProperty("channelId").GetString());
        Assert.Equal("", hit.Authorization); // no app id configured: no token
    }

    [Fact]
    public async Task Bad_gateway_twice_is_retried_and_delivered_on_the_third_attempt()
    {
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-flaky", Answer.Fail(502), Answer.Fail(502), Answer.Ok);
        await using var host = await StartHostAsync();

        var delivery = await Sender(host).SendAsync(Address(channel, "c-flaky"), "hello", CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, delivery.Result);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal([502, 502, 200], channel.HitsOf("c-flaky").Select(h => h.Status));
        var retries = _logs.Entries.Where(e => e.Category == typeof(ProactiveSender).FullName && e.Level == LogLevel.Information).ToList();
        Assert.Equal([1, 2], retries.Select(e => e["Attempt"]));
        Assert.All(retries, e => Assert.Equal(502, e["StatusCode"]));
        Assert.All(retries, e => Assert.Equal("c-flaky", e["ConversationId"]));
    }

    [Fact]
    public async Task Too_many_requests_pauses_the_whole_channel_for_Retry_After()
    {
        // The clock moves only when the test moves it, so every wait below is exact.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-throttled", Answer.Fail(429, retryAfter: "1"), Answer.Ok);
        await using var host = await StartHostAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var sender = Sender(host);

        var throttled = sender.SendAsync(Address(channel, "c-throttled"), "first", CancellationToken.None);
        // Once the sender has taken in the 429, a send to another conversation of the same channel
        // must wait too, while one to another channel goes at once.
        await WaitUntilAsync(() => sender.PausedUntil(Channel) > clock.GetUtcNow());
        var sameChannel = sender.SendAsync(Address(channel, "c-bystander"), "second", CancellationToken.None);
        var otherChannel = sender.SendAsync(Address(channel, "c-elsewhere", channelId: "other"), "third", CancellationToken.None);
        await otherChannel.WaitAsync(TimeSpan.FromSeconds(10)); // done while the clock stands still: it did not wait at all
        Assert.Single(channel.HitsOf("c-elsewhere"));
        clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        Assert.Single(channel.HitsOf("c-throttled")); // the retry waits the whole Retry-After,
        Assert.Empty(channel.HitsOf("c-bystander"));  // and so does the other send to the channel
        clock.Advance(TimeSpan.FromTicks(1));
        var deliveries = await Task.WhenAll(throttled, sameChannel, otherChannel).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(deliveries, d => Assert.Equal(DeliveryResult.Delivered, d.Result));
        Assert.Equal([2, 1, 1], deliveries.Select(d => d.Attempts));
        var attempts = channel.HitsOf("c-throttled");
        Assert.Equal([429, 200], attempts.Select(h => h.Status));
        Assert.Single(channel.HitsOf("c-bystander"));
        var warning = Assert.Single(_logs.Entries, e => e.Category == typeof(ProactiveSender).FullName && e.Level == LogLevel.Warning);
        Assert.Equal(Channel, warning["ChannelId"]);
        Assert.Equal(TimeSpan.FromSeconds(1), warning["RetryAfter"]);
    }

    [Fact]
    public async Task The_pause_runs_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-throttled", Answer.Fail(429, retryAfter: "60"), Answer.Ok);
        await using var host = await StartHostAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var sender = Sender(host);

        var send = sender.SendAsync(Address(channel, "c-throttled"), "hello", CancellationToken.None);
        await WaitUntilAsync(() => sender.PausedUntil(Channel) > clock.GetUtcNow());
        await Task.Delay(300);

        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(60), sender.PausedUntil(Channel));
        Assert.False(send.IsCompleted);
        Assert.Single(channel.Hits);
        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(100);
        Assert.False(send.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var delivery = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((DeliveryResult.Delivered, 2), Summary(delivery));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_removed_bot_or_a_deleted_conversation_is_unreachable_after_one_attempt(int status)
    {
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-gone", Answer.Fail(status));
        await using var host = await StartHostAsync();

        var delivery = await Sender(host).SendAsync(Address(channel, "c-gone"), "hello", CancellationToken.None);

        Assert.Equal(DeliveryResult.Unreachable, delivery.Result);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(status, delivery.StatusCode);
        Assert.Contains($"scripted {status} for c-gone", delivery.Error);
        // One request only: no retry, and no error message to the user from the adapter's OnTurnError.
        Assert.Single(channel.Hits);
        var warning = Assert.Single(_logs.Entries, e => e.Category == typeof(ProactiveSender).FullName);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("c-gone", warning["ConversationId"]);
        Assert.Equal(status, warning["StatusCode"]);
    }

    [Fact]
    public async Task Another_client_error_fails_without_a_retry()
    {
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-bad", Answer.Fail(400));
        await using var host = await StartHostAsync();

        var delivery = await Sender(host).SendAsync(Address(channel, "c-bad"), "hello", CancellationToken.None);

        Assert.Equal(DeliveryResult.Failed, delivery.Result);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(400, delivery.StatusCode);
        Assert.Single(channel.Hits);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && Equals(e["ConversationId"], "c-bad"));
    }

    [Fact]
    public async Task A_server_error_that_persists_fails_after_MaxAttempts()
    {
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-down", Answer.Fail(500));
        await using var host = await StartHostAsync(new() { ["ReformBot:Proactive:MaxAttempts"] = "3" });

        var delivery = await Sender(host).SendAsync(Address(channel, "c-down"), "hello", CancellationToken.None);

        Assert.Equal(DeliveryResult.Failed, delivery.Result);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(500, delivery.StatusCode);
        Assert.Equal(3, channel.Hits.Count);
    }

    [Fact]
    public async Task An_answer_slower_than_RequestTimeout_is_retried()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-slow", Answer.Slow(TimeSpan.FromSeconds(20)), Answer.Ok);
        // No backoff: the retry follows the timeout without the clock moving again.
        await using var host = await StartHostAsync(new()
        {
            ["ReformBot:Proactive:RequestTimeout"] = "00:00:01",
            ["ReformBot:Proactive:BaseDelay"] = "00:00:00",
            ["ReformBot:Proactive:MaxDelay"] = "00:00:00",
        }, builder => builder.Services.AddSingleton<TimeProvider>(clock));

        var send = Sender(host).SendAsync(Address(channel, "c-slow"), "hello", CancellationToken.None);
        await WaitUntilAsync(() => channel.Hits.Count == 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        // Long before the slow answer comes (20 s).
        var delivery = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DeliveryResult.Delivered, delivery.Result);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(2, channel.HitsOf("c-slow").Count);
        var retry = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Information && e.Category == typeof(ProactiveSender).FullName);
        Assert.Null(retry["StatusCode"]);
        Assert.Contains("No answer within 1 s", (string?)retry["Error"]);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_fails()
    {
        var closedPort = ClosedLoopbackPort();
        await using var host = await StartHostAsync(new() { ["ReformBot:Proactive:MaxAttempts"] = "3" });
        var address = new ConversationAddress(Channel, $"http://127.0.0.1:{closedPort}/", "c-nowhere", "user-1", null, "reformbot");

        var delivery = await Sender(host).SendAsync(address, "hello", CancellationToken.None);

        Assert.Equal(DeliveryResult.Failed, delivery.Result);
        Assert.Equal(3, delivery.Attempts);
        Assert.Null(delivery.StatusCode);
        Assert.Contains("HttpRequestException", delivery.Error);
    }

    [Fact]
    public async Task A_mixed_fan_out_delivers_everything_deliverable()
    {
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-throttled", Answer.Fail(429, retryAfter: "1"), Answer.Ok);
        channel.Script("c-flaky", Answer.Fail(502), Answer.Fail(502), Answer.Ok);
        channel.Script("c-404", Answer.Fail(404));
        channel.Script("c-403", Answer.Fail(403));
        channel.Script("c-slow", Answer.Slow(TimeSpan.FromSeconds(20)), Answer.Ok);
        // Long enough for the first requests of a cold host (JIT, new connections) to get through.
        await using var host = await StartHostAsync(new() { ["ReformBot:Proactive:RequestTimeout"] = "00:00:02" });
        var sender = Sender(host);
        var conversations = new[] { "c-throttled", "c-flaky", "c-404", "c-403", "c-slow" }
            .Concat(Enumerable.Range(1, 20).Select(i => $"c-ok-{i}")).ToList();

        var deliveries = await Task.WhenAll(conversations.Select(c => sender.SendAsync(Address(channel, c), $"to {c}", CancellationToken.None)));
        var byConversation = conversations.Zip(deliveries).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal((DeliveryResult.Delivered, 2), Summary(byConversation["c-throttled"]));
        Assert.Equal((DeliveryResult.Delivered, 3), Summary(byConversation["c-flaky"]));
        Assert.Equal((DeliveryResult.Unreachable, 1), Summary(byConversation["c-404"]));
        Assert.Equal((DeliveryResult.Unreachable, 1), Summary(byConversation["c-403"]));
        Assert.Equal((DeliveryResult.Delivered, 2), Summary(byConversation["c-slow"]));
        Assert.All(conversations.Where(c => c.StartsWith("c-ok-", StringComparison.Ordinal)), c =>
        {
            Assert.Equal(DeliveryResult.Delivered, byConversation[c].Result);
            Assert.Equal($"to {c}", channel.HitsOf(c).Last().Text);
        });
        var throttled = channel.HitsOf("c-throttled");
        Assert.True(throttled[1].After(throttled[0]) >= TimeSpan.FromSeconds(0.95));
    }

    [Fact]
    public async Task The_rate_limit_spreads_a_burst_over_time()
    {
        const int messages = 100;
        await using var channel = await ScriptedChannel.StartAsync();
        await using var host = await StartHostAsync(new() { [$"ReformBot:Proactive:MessagesPerSecond:{Channel}"] = "50" });
        var sender = Sender(host);
        Assert.Equal(50, sender.MessagesPerSecond(Channel));

        var started = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        var deliveries = await Task.WhenAll(Enumerable.Range(0, messages).Select(i =>
            sender.SendAsync(Address(channel, $"c-{i}"), "hello", CancellationToken.None)));
        var elapsed = clock.Elapsed;

        Assert.All(deliveries, d => Assert.Equal(DeliveryResult.Delivered, d.Result));
        Assert.Equal(messages, channel.Hits.Count);
        // 100 messages at 50 a second, with a burst of a tenth of a second at the start: at least 1.9 s.
        Assert.True(elapsed >= TimeSpan.FromSeconds(1.85), $"100 messages at 50/s took only {elapsed.TotalMilliseconds:0} ms.");
        // No message is early: the k-th can arrive no sooner than (k - bucket) / rate after the burst began,
        // the bucket being a tenth of a second's worth. (Arrivals may come late and bunch on a busy
        // machine; the limiter only promises that none comes early.)
        var arrivals = channel.Hits.Select(h => Stopwatch.GetElapsedTime(started, h.Arrived)).Order().ToArray();
        for (var k = 0; k < arrivals.Length; k++)
        {
            var earliest = TimeSpan.FromSeconds((k - 5 - 1) / 50.0);
            Assert.True(arrivals[k] >= earliest, $"Message {k + 1} arrived after {arrivals[k].TotalMilliseconds:0} ms, before {earliest.TotalMilliseconds:0} ms.");
        }
    }

    [Fact]
    public async Task The_caller_can_cancel_a_send_that_waits_for_the_channel()
    {
        // The clock stands still: the 30 s pause never ends by itself, only the cancellation ends the send.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var channel = await ScriptedChannel.StartAsync();
        channel.Script("c-throttled", Answer.Fail(429, retryAfter: "30"), Answer.Ok);
        await using var host = await StartHostAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        using var cancel = new CancellationTokenSource();

        var send = Sender(host).SendAsync(Address(channel, "c-throttled"), "hello", cancel.Token);
        await WaitUntilAsync(() => channel.Hits.Count == 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(channel.Hits);
    }

    [Fact]
    public async Task Unusable_settings_stop_the_host_at_start()
    {
        // Whichever comes first stops the host: a service that needs the sender while the host is built
        // (the chat commands do), or the options validation when it starts.
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            var app = ReformBot.Host.Web.ReformBotWebHost.Build(["--db", _dir.DatabasePath, "--urls", "http://127.0.0.1:0"], TestFiles.Messages,
                configure: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ReformBot:Proactive:MaxAttempts"] = "0",
                    ["ReformBot:Proactive:MessagesPerSecond:msteams"] = "-1",
                }));
            await using (app) await app.StartAsync();
        });

        Assert.Contains("ReformBot:Proactive:MaxAttempts", error.Message);
        Assert.Contains("ReformBot:Proactive:MessagesPerSecond:msteams", error.Message);
    }

    private static (DeliveryResult, int) Summary(Delivery delivery) => (delivery.Result, delivery.Attempts);

    private static ConversationAddress Address(ScriptedChannel channel, string conversationId, string channelId = Channel) =>
        new(channelId, channel.ServiceUrl, conversationId, "user-1", TenantId: null, BotId: "reformbot");

    private static ProactiveSender Sender(RunningHost host)
    {
        var sender = host.Services.GetRequiredService<IProactiveSender>();
        Assert.IsType<ProactiveSender>(sender);
        return (ProactiveSender)sender;
    }

    /// <summary>The host with short backoffs and no rate limit unless <paramref name="settings"/> say otherwise.</summary>
    private Task<RunningHost> StartHostAsync(Dictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ReformBot:Proactive:BaseDelay"] = "00:00:00.010",
            ["ReformBot:Proactive:MaxDelay"] = "00:00:00.100",
            [$"ReformBot:Proactive:MessagesPerSecond:{ProactiveOptions.AnyChannel}"] = "0",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
        {
            builder.Configuration.AddInMemoryCollection(all);
            builder.Logging.AddProvider(_logs);
            configure?.Invoke(builder);
        });
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for 10 s at most.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("The condition did not hold within 10 s.");
            await Task.Delay(5);
        }
    }

    /// <summary>A loopback port that nothing listens on: taken from the OS, then let go.</summary>
    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
