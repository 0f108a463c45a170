using ReformBot.Core.Storage;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>订阅 / 退订: the weekly digest, for registered users.</summary>
public sealed class SubscribeCommand(IContactRepository contacts, bool subscribe) : IChatCommand
{
    public string Id => subscribe ? CommandIds.Subscribe : CommandIds.Unsubscribe;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var contact = turn.RegisteredContact;
        if (contact.DigestSubscribed == subscribe)
        {
            await turn.SayAsync(subscribe ? MessageKeys.Subscription.SubscribeAlready : MessageKeys.Subscription.UnsubscribeNotSubscribed, cancellationToken);
            return;
        }
        contacts.Update(contact.Id, c => c with { DigestSubscribed = subscribe });
        await turn.SayAsync(subscribe ? MessageKeys.Subscription.SubscribeDone : MessageKeys.Subscription.UnsubscribeDone, cancellationToken);
    }
}
