using ReformBot.Host.Contacts;

namespace ReformBot.Host.Bot.Commands;

/// <summary>注销网页 &lt;名字或编号&gt; (office): signs a contact's browsers out of the Web Chat page; the contact stays.</summary>
public sealed class SignOutWebCommand(ContactRemoval removal) : IChatCommand
{
    public string Id => CommandIds.SignOutWeb;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken) =>
        turn.SayTextAsync(removal.SignOutWeb(argument).Text, cancellationToken);
}
