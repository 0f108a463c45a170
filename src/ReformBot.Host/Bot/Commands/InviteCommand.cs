using ReformBot.Host.Contacts;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Bot.Commands;

/// <summary>邀请 &lt;部门&gt; (office): a one-time invite code for a department's contact.</summary>
public sealed class InviteCommand(RegistrationService registration) : IChatCommand
{
    public string Id => CommandIds.Invite;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0) return turn.SayAsync(InviteMissingDepartment, cancellationToken);
        var result = registration.InviteDepartment(argument);
        return turn.SayTextAsync(
            result.Invite is { } invite
                ? InviteTexts.Created(turn.Messages, invite, registration.Zone)
                : InviteTexts.UnknownDepartment(turn.Messages, argument, result.Suggestions.Select(d => d.Name)),
            cancellationToken);
    }
}
