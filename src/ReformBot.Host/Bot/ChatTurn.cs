using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReformBot.Core.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot;

/// <summary>One incoming message with what the commands need to answer it.</summary>
/// <param name="Contact">The registered contact who wrote, or null for someone not registered.</param>
public sealed record ChatTurn(ITurnContext Context, Contact? Contact, ConversationData Conversation, MessageCatalog Messages)
{
    /// <summary>The contact who wrote, for a command marked <c>contact: true</c>: the dispatch has refused everyone else.</summary>
    public Contact RegisteredContact =>
        Contact ?? throw new InvalidOperationException("Only a command marked 'contact: true' in commands.yaml may rely on a registered contact.");

    /// <summary>Sends a text as it is.</summary>
    public Task SayTextAsync(string text, CancellationToken cancellationToken) =>
        Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    /// <summary>Sends a text with buttons (suggested actions) that answer with their own text when tapped.</summary>
    public Task SayTextAsync(string text, IReadOnlyList<string> buttons, CancellationToken cancellationToken) =>
        buttons.Count == 0
            ? SayTextAsync(text, cancellationToken)
            : Context.SendActivityAsync(MessageFactory.SuggestedActions(buttons, text, ssml: null, inputHint: null), cancellationToken);

    /// <summary>Sends a text with buttons and a card (an attachment) under it.</summary>
    public Task SayTextAsync(string text, IReadOnlyList<string> buttons, Attachment card, CancellationToken cancellationToken)
    {
        var activity = buttons.Count == 0 ? MessageFactory.Text(text) : MessageFactory.SuggestedActions(buttons, text, ssml: null, inputHint: null);
        activity.Attachments = [card];
        return Context.SendActivityAsync(activity, cancellationToken);
    }

    /// <summary>Sends the message with this key of the catalog, formatted with <paramref name="args"/>.</summary>
    public Task SayAsync(string key, CancellationToken cancellationToken, params object?[] args) =>
        SayTextAsync(Messages.Format(key, args), cancellationToken);
}
