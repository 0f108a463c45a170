using System.Threading.RateLimiting;

namespace ReformBot.Host.Proactive;

/// <summary>
/// The pace of one channel, shared by every send to it: an optional rate limit, and a "not before"
/// instant that a throttling answer (429 with Retry-After) moves forward, so that all concurrent sends
/// to the channel hold back, not only the one that was throttled.
/// </summary>
internal sealed class ChannelPace : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TokenBucketRateLimiter? _limiter;
    private readonly Lock _lock = new();
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    /// <param name="messagesPerSecond">0 for no limit.</param>
    public ChannelPace(double messagesPerSecond, TimeProvider time)
    {
        _time = time;
        MessagesPerSecond = messagesPerSecond;
        if (messagesPerSecond > 0) _limiter = new TokenBucketRateLimiter(BucketFor(messagesPerSecond));
    }

    /// <summary>The rate limit; 0 for none.</summary>
    public double MessagesPerSecond { get; }

    /// <summary>Until when the channel asked to be left alone; in the past when it did not.</summary>
    public DateTimeOffset NotBefore
    {
        get { lock (_lock) return _notBefore; }
    }

    /// <summary>Holds every send to the channel until <paramref name="until"/>, unless a later pause is already set.</summary>
    /// <returns>Whether this moved the pause later.</returns>
    public bool PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until <= _notBefore) return false;
            _notBefore = until;
            return true;
        }
    }

    /// <summary>
    /// Waits until one request may go to the channel: after any pause, and within the rate. The pause is
    /// checked again after the rate limiter let the request through, since a pause may have begun
    /// meanwhile; requests queued in the limiter during a pause so go through it again afterwards
    /// instead of bursting out together.
    /// </summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitOutPauseAsync(cancellationToken);
            if (_limiter is not null)
            {
                using var lease = await _limiter.AcquireAsync(1, cancellationToken);
                if (!lease.IsAcquired)
                    throw new InvalidOperationException("The channel's rate limiter refused a request although its queue is unbounded.");
            }
            if (NotBefore <= _time.GetUtcNow()) return;
        }
    }

    private async Task WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        // A loop: the pause may be moved later while we wait.
        while (NotBefore - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            await Task.Delay(wait, _time, cancellationToken);
    }

    /// <summary>
    /// A bucket that holds about a tenth of a second of messages: a short burst at most, so the rate holds
    /// over any window longer than that, while the replenishing timer ticks no faster than every 100 ms
    /// or so for high rates.
    /// </summary>
    private static TokenBucketRateLimiterOptions BucketFor(double messagesPerSecond)
    {
        var tokens = Math.Max(1, (int)Math.Ceiling(messagesPerSecond / 10));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / messagesPerSecond),
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    public void Dispose() => _limiter?.Dispose();
}
