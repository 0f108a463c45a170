using System.Net.Http.Headers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ReformBot.Core.Contacts;

namespace ReformBot.Host.Proactive;

/// <summary>
/// Sends proactive messages through the SDK's <see cref="CloudAdapter"/>: each attempt is a proactive
/// turn (ContinueConversationAsync, so it passes the adapter's middleware and is serialized with the
/// user's own turns in that conversation) that posts one message activity with the turn's connector client.
/// </summary>
/// <remarks>
/// Around the attempts: transient failures (5xx, 408, 412, timeouts, connection errors) are retried with
/// exponential backoff and full jitter; a 429 pauses the whole channel for its Retry-After; 403 and 404
/// mean the conversation is gone (<see cref="DeliveryResult.Unreachable"/>); other 4xx are final. Every
/// request first waits for the channel's pace (<see cref="ChannelPace"/>). Waits happen between turns,
/// never inside one, so a backoff does not hold the conversation's turn lock.
/// </remarks>
public sealed partial class ProactiveSender : IProactiveSender, IDisposable
{
    /// <summary>Longest part of a channel's error body kept in <see cref="Delivery.Error"/>.</summary>
    private const int MaxErrorBody = 300;

    private readonly CloudAdapter _adapter;
    private readonly string _botAppId;
    private readonly ProactiveOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ProactiveSender> _logger;
    private readonly Dictionary<string, ChannelPace> _channels = new(StringComparer.Ordinal);

    public ProactiveSender(CloudAdapter adapter, IConfiguration configuration, IOptions<ProactiveOptions> options, TimeProvider time,
        ILogger<ProactiveSender> logger)
    {
        _adapter = adapter;
        // The SDK's credential factory accepts only the configured app id here. Without one (development,
        // tests) it sends without a token, and an empty id is what the adapter's own claims use then.
        _botAppId = configuration["MicrosoftAppId"] ?? "";
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public Task<Delivery> SendAsync(ConversationAddress address, string text, CancellationToken cancellationToken) =>
        SendAsync(address, MessageFactory.Text(text ?? throw new ArgumentNullException(nameof(text))), cancellationToken);

    public async Task<Delivery> SendAsync(ConversationAddress address, IMessageActivity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(message);
        var pace = PaceOf(address.ChannelId);
        var reference = ReferenceTo(address);
        for (var attempt = 1; ; attempt++)
        {
            await pace.WaitTurnAsync(cancellationToken);
            var outcome = await AttemptAsync(reference, message, cancellationToken);
            switch (outcome.Kind)
            {
                case OutcomeKind.Sent:
                    return new Delivery(DeliveryResult.Delivered, outcome.StatusCode, null, attempt, outcome.ActivityId);
                case OutcomeKind.Gone:
                    LogUnreachable(address.ChannelId, address.ConversationId, outcome.StatusCode, outcome.Error);
                    return new Delivery(DeliveryResult.Unreachable, outcome.StatusCode, outcome.Error, attempt);
                case OutcomeKind.Permanent:
                    LogFailed(address.ChannelId, address.ConversationId, attempt, outcome.StatusCode, outcome.Error);
                    return new Delivery(DeliveryResult.Failed, outcome.StatusCode, outcome.Error, attempt);
            }

            if (attempt >= _options.MaxAttempts)
            {
                LogFailed(address.ChannelId, address.ConversationId, attempt, outcome.StatusCode, outcome.Error);
                return new Delivery(DeliveryResult.Failed, outcome.StatusCode, outcome.Error, attempt);
            }

            if (outcome.Kind == OutcomeKind.Throttled || outcome.RetryAfter is not null)
            {
                // The channel is telling ReformBot, not this message, to slow down: pause every send to it.
                // The next turn of this loop waits the pause out with all the others.
                var pause = PauseFor(address.ChannelId, outcome.RetryAfter, attempt);
                var until = _time.GetUtcNow() + pause;
                if (pace.PauseUntil(until))
                    LogThrottled(address.ChannelId, outcome.StatusCode, outcome.RetryAfter, pause, until);
                LogRetrying(address.ChannelId, address.ConversationId, attempt, _options.MaxAttempts, outcome.StatusCode, outcome.Error, pause);
            }
            else
            {
                var delay = Backoff(_options, attempt);
                LogRetrying(address.ChannelId, address.ConversationId, attempt, _options.MaxAttempts, outcome.StatusCode, outcome.Error, delay);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
    }

    /// <summary>The channel's pause (for tests): until when sends to it wait; in the past when they do not.</summary>
    internal DateTimeOffset PausedUntil(string channelId) => PaceOf(channelId).NotBefore;

    /// <summary>The rate limit in force for a channel (for tests); 0 for none.</summary>
    internal double MessagesPerSecond(string channelId) => PaceOf(channelId).MessagesPerSecond;

    /// <summary>One request, in a proactive turn of its own. Never throws unless the caller cancelled.</summary>
    private async Task<Outcome> AttemptAsync(ConversationReference reference, IMessageActivity content, CancellationToken cancellationToken)
    {
        // The adapter's OnTurnError catches whatever a turn throws (and would message the user), so the
        // callback catches everything itself and hands the outcome out through this variable.
        Outcome? outcome = null;
        try
        {
            await _adapter.ContinueConversationAsync(_botAppId, reference,
                async (turn, turnCancellation) => outcome = await SendInTurnAsync(turn, content, turnCancellation), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Before the turn began: no connector for this address (a malformed serviceUrl, an app id the
            // credential factory refuses). Trying again changes nothing.
            return Outcome.Permanent(null, Describe(e));
        }
        cancellationToken.ThrowIfCancellationRequested();
        // No outcome: the turn failed before it reached the callback, and OnTurnError logged why.
        return outcome ?? Outcome.Transient(null, "The proactive turn ended before it sent anything; see the turn error in the log.");
    }

    private async Task<Outcome> SendInTurnAsync(ITurnContext turn, IMessageActivity content, CancellationToken cancellationToken)
    {
        // A new activity for each attempt: the caller's stays as it was, and may go to others too.
        var message = (Activity)Activity.CreateMessageActivity();
        message.Text = content.Text;
        message.TextFormat = content.TextFormat;
        message.Attachments = content.Attachments;
        message.AttachmentLayout = content.AttachmentLayout;
        message.Summary = content.Summary;
        message.Speak = content.Speak;
        message.InputHint = content.InputHint;
        // Not ApplyConversationReference: on the continuation event it would make this a reply to the
        // event's made-up id. A proactive message is a new message in the conversation.
        message.ChannelId = turn.Activity.ChannelId;
        message.ServiceUrl = turn.Activity.ServiceUrl;
        message.Conversation = turn.Activity.Conversation;
        message.From = turn.Activity.Recipient;
        message.Recipient = turn.Activity.From;

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var connector = turn.TurnState.Get<IConnectorClient>()
                ?? throw new InvalidOperationException("The proactive turn has no connector client.");
            using var response = await connector.Conversations.SendToConversationWithHttpMessagesAsync(
                message.Conversation.Id, message, customHeaders: null, linked.Token);
            return Outcome.Sent((int)response.Response.StatusCode, response.Body?.Id);
        }
        catch (ErrorResponseException e) when (e.Response is not null)
        {
            var status = (int)e.Response.StatusCode;
            return Classify(status, RetryAfter(e.Response.Headers, _time.GetUtcNow()), Describe(e));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Outcome.Canceled;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Outcome.Transient(null, $"No answer within {_options.RequestTimeout.TotalSeconds:0.###} s.");
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            // The connector's HttpClient gave up first (its own Timeout).
            return Outcome.Transient(null, Describe(e));
        }
        catch (HttpRequestException e)
        {
            // Connection refused or reset, name resolution, TLS: the channel may be back shortly.
            return Outcome.Transient(e.StatusCode is { } status ? (int)status : null, Describe(e));
        }
        catch (Exception e)
        {
            return Outcome.Permanent(null, Describe(e));
        }
    }

    private static Outcome Classify(int status, TimeSpan? retryAfter, string error) => status switch
    {
        >= 200 and < 300 => Outcome.Sent(status, null),
        403 or 404 => Outcome.Gone(status, error),
        429 => Outcome.Throttled(status, retryAfter, error),
        408 or 412 or >= 500 => Outcome.Transient(status, error, retryAfter),
        _ => Outcome.Permanent(status, error),
    };

    /// <summary>
    /// A Retry-After header's wait: delta seconds, or an HTTP date from <paramref name="now"/>; null when
    /// there is none or it does not parse.
    /// </summary>
    internal static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers, DateTimeOffset now)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value) || !RetryConditionHeaderValue.TryParse(value, out var parsed)) return null;
        var wait = parsed.Delta ?? (parsed.Date is { } date ? date - now : (TimeSpan?)null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>How long to pause a throttled channel: what it asked (capped), else the backoff.</summary>
    private TimeSpan PauseFor(string channelId, TimeSpan? retryAfter, int attempt)
    {
        if (retryAfter is not { } asked) return Backoff(_options, attempt);
        if (asked <= _options.MaxRetryAfter) return asked;
        LogRetryAfterCut(channelId, asked, _options.MaxRetryAfter);
        return _options.MaxRetryAfter;
    }

    /// <summary>Exponential backoff with full jitter: uniform in [0, min(MaxDelay, BaseDelay·2^(attempt-1))].</summary>
    internal static TimeSpan Backoff(ProactiveOptions options, int attempt)
    {
        var ceiling = Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 62)));
        return TimeSpan.FromTicks((long)(ceiling * Random.Shared.NextDouble()));
    }

    private ChannelPace PaceOf(string channelId)
    {
        lock (_channels)
        {
            if (!_channels.TryGetValue(channelId, out var pace))
                _channels[channelId] = pace = new ChannelPace(_options.RateFor(channelId), _time);
            return pace;
        }
    }

    private static ConversationReference ReferenceTo(ConversationAddress address) => new()
    {
        ChannelId = address.ChannelId,
        ServiceUrl = address.ServiceUrl,
        Conversation = new ConversationAccount(id: address.ConversationId, tenantId: address.TenantId),
        User = new ChannelAccount(id: address.UserId),
        Bot = address.BotId is null ? null : new ChannelAccount(id: address.BotId),
    };

    private static string Describe(ErrorResponseException e)
    {
        var response = e.Response;
        var detail = e.Body?.Error?.Message is { Length: > 0 } message ? message
            : response?.Content is { Length: > 0 } content ? content
            : null;
        var text = $"HTTP {(int)response!.StatusCode} {response.ReasonPhrase}".TrimEnd();
        if (detail is not null) text += ": " + (detail.Length > MaxErrorBody ? detail[..MaxErrorBody] + "…" : detail);
        return text;
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";

    public void Dispose()
    {
        lock (_channels)
        {
            foreach (var pace in _channels.Values) pace.Dispose();
            _channels.Clear();
        }
    }

    private enum OutcomeKind { Sent, Gone, Permanent, Throttled, Transient, Canceled }

    private sealed record Outcome(OutcomeKind Kind, int? StatusCode, string? Error, TimeSpan? RetryAfter = null, string? ActivityId = null)
    {
        public static readonly Outcome Canceled = new(OutcomeKind.Canceled, null, null);
        public static Outcome Sent(int status, string? activityId) => new(OutcomeKind.Sent, status, null, ActivityId: activityId);
        public static Outcome Gone(int status, string error) => new(OutcomeKind.Gone, status, error);
        public static Outcome Permanent(int? status, string error) => new(OutcomeKind.Permanent, status, error);
        public static Outcome Throttled(int status, TimeSpan? retryAfter, string error) => new(OutcomeKind.Throttled, status, error, retryAfter);
        public static Outcome Transient(int? status, string error, TimeSpan? retryAfter = null) => new(OutcomeKind.Transient, status, error, retryAfter);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Proactive send to {ChannelId} conversation {ConversationId} failed (attempt {Attempt} of {MaxAttempts}, status {StatusCode}): {Error}; retrying in {Delay}")]
    private partial void LogRetrying(string channelId, string conversationId, int attempt, int maxAttempts, int? statusCode, string? error, TimeSpan delay);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Channel {ChannelId} is throttling (status {StatusCode}, Retry-After {RetryAfter}): every send to it waits {Pause}, until {NotBefore}")]
    private partial void LogThrottled(string channelId, int? statusCode, TimeSpan? retryAfter, TimeSpan pause, DateTimeOffset notBefore);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Conversation {ConversationId} on {ChannelId} is unreachable (status {StatusCode}): {Error}")]
    private partial void LogUnreachable(string channelId, string conversationId, int? statusCode, string? error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error,
        Message = "Proactive send to {ChannelId} conversation {ConversationId} failed after {Attempts} attempt(s) (status {StatusCode}): {Error}")]
    private partial void LogFailed(string channelId, string conversationId, int attempts, int? statusCode, string? error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "Channel {ChannelId} asked for a pause of {RetryAfter}; pausing for the configured maximum of {MaxRetryAfter} only")]
    private partial void LogRetryAfterCut(string channelId, TimeSpan retryAfter, TimeSpan maxRetryAfter);
}
