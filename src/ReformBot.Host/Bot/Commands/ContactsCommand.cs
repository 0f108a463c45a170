using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>联络员 (office): the registered contacts per department, and the lead departments that have none.</summary>
public sealed class ContactsCommand(IContactRepository contacts, IPlanRepository plans, IWebSessions web, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Contacts;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken) =>
        turn.SayTextAsync(ContactListing.Text(contacts.All(), plans.Departments(), plans.Tasks(), web, turn.Messages, format), cancellationToken);
}
