namespace ReformBot.Host.Proactive;

/// <summary>The "ReformBot:Proactive" section: retries and pacing of messages the bot starts.</summary>
public sealed class ProactiveOptions
{
    public const string Section = "ReformBot:Proactive";

    /// <summary>The key of <see cref="MessagesPerSecond"/> that applies to channels without their own entry.</summary>
    public const string AnyChannel = "*";

    /// <summary>Requests per message at most, the first included. 1 means no retries.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry waits up to this long; each further retry doubles the ceiling (full jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No backoff waits longer than this.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request to the channel may take before it counts as a (transient) failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest pause a channel's Retry-After is honoured for. A longer one is cut to this, so that a
    /// broken header cannot stop a channel for days.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Messages per second at most, by channel id; <see cref="AnyChannel"/> for the others; 0 turns the
    /// limit off. Sending slower than the channel throttles costs little, while being throttled pauses
    /// every send to that channel.
    /// Teams allows about 7 messages a second per conversation and a few tens a second per bot app across
    /// all conversations, hence 20 for msteams: a reminder fan-out touches each conversation once, so the
    /// app-wide limit is the one that matters. Other channels (Direct Line, Web Chat, the Emulator) publish
    /// no firm numbers; 30 stays well below what the Bot Connector service is known to accept.
    /// Configured keys are added to these defaults, or replace them.
    /// </summary>
    public Dictionary<string, double> MessagesPerSecond { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["msteams"] = 20,
        [AnyChannel] = 30,
    };

    /// <summary>The limit for <paramref name="channelId"/>: its own entry, else the default; 0 is none.</summary>
    public double RateFor(string channelId) =>
        MessagesPerSecond.TryGetValue(channelId, out var own) ? own
        : MessagesPerSecond.TryGetValue(AnyChannel, out var any) ? any
        : 0;

    /// <summary>What is wrong with the settings, one line each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxAttempts < 1) problems.Add($"{Section}:MaxAttempts must be at least 1 (it is {MaxAttempts}).");
        if (BaseDelay < TimeSpan.Zero) problems.Add($"{Section}:BaseDelay must not be negative.");
        if (MaxDelay < BaseDelay) problems.Add($"{Section}:MaxDelay must be at least BaseDelay.");
        if (RequestTimeout <= TimeSpan.Zero) problems.Add($"{Section}:RequestTimeout must be positive.");
        if (MaxRetryAfter < TimeSpan.Zero) problems.Add($"{Section}:MaxRetryAfter must not be negative.");
        foreach (var (channel, rate) in MessagesPerSecond)
        {
            if (!(rate >= 0) || double.IsInfinity(rate))
                problems.Add($"{Section}:MessagesPerSecond:{channel} must be 0 (no limit) or a positive number (it is {rate}).");
        }
        return problems;
    }
}
