using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReformBot.Core.Contacts;

namespace ReformBot.Host.Proactive;

/// <summary>Sends a message into a conversation that nobody wrote to just now (reminders, digests).</summary>
public interface IProactiveSender
{
    /// <summary>
    /// Sends <paramref name="message"/> (its text, format and attachments) to <paramref name="address"/>,
    /// retrying transient failures and pacing itself to the channel. Never throws for a channel's answer:
    /// every outcome is in the returned <see cref="Delivery"/>. Throws <see cref="OperationCanceledException"/>
    /// only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<Delivery> SendAsync(ConversationAddress address, IMessageActivity message, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="text"/> as a message, as <see cref="SendAsync(ConversationAddress, IMessageActivity, CancellationToken)"/>.</summary>
    Task<Delivery> SendAsync(ConversationAddress address, string text, CancellationToken cancellationToken) =>
        SendAsync(address, MessageFactory.Text(text ?? throw new ArgumentNullException(nameof(text))), cancellationToken);
}
