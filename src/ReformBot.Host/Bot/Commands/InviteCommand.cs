using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>邀请 &lt;部门&gt; (office): a one-time invite code for a department's contact.</summary>
public sealed class InviteCommand(RegistrationService registration, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Invite;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0) return turn.SayAsync(MessageKeys.Invite.MissingDepartment, cancellationToken);
        var result = registration.InviteDepartment(argument);
        return turn.SayTextAsync(
            result.Invite is { } invite
                ? InviteTexts.Created(turn.Messages, format, invite)
                : InviteTexts.UnknownDepartment(turn.Messages, format, argument, result.Suggestions.Select(d => d.Name)),
            cancellationToken);
    }
}
