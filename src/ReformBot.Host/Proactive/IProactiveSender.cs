using ReformBot.Core.Contacts;

namespace ReformBot.Host.Proactive;

/// <summary>Sends a message into a conversation that nobody wrote to just now (reminders, digests).</summary>
public interface IProactiveSender
{
    /// <summary>
    /// Sends <paramref name="text"/> as a message to <paramref name="address"/>, retrying transient
    /// failures and pacing itself to the channel. Never throws for a channel's answer: every outcome is
    /// in the returned <see cref="Delivery"/>. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<Delivery> SendAsync(ConversationAddress address, string text, CancellationToken cancellationToken);
}
