namespace ReformBot.Host.Proactive;

/// <summary>How a proactive message ended.</summary>
public enum DeliveryResult
{
    /// <summary>The channel accepted the message.</summary>
    Delivered,

    /// <summary>
    /// The channel says the conversation cannot be reached any more (403 or 404: the user removed
    /// the bot, or the conversation is gone). Retrying will not help; the contact should be marked.
    /// </summary>
    Unreachable,

    /// <summary>Not delivered: a permanent error, or transient errors until the attempts ran out.</summary>
    Failed,
}

/// <summary>The outcome of one <see cref="IProactiveSender.SendAsync"/>.</summary>
/// <param name="StatusCode">The channel's last HTTP status; null when no answer came (timeout, connection error).</param>
/// <param name="Error">What went wrong last; null when delivered.</param>
/// <param name="Attempts">Requests made to the channel, the successful one included.</param>
/// <param name="ActivityId">The id the channel gave the message, when delivered and the channel returned one.</param>
public sealed record Delivery(DeliveryResult Result, int? StatusCode, string? Error, int Attempts, string? ActivityId = null)
{
    public bool IsDelivered => Result == DeliveryResult.Delivered;
}
