using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>邀请 &lt;部门&gt; [部门…] | 全部未注册 (office): one one-time invite code per department.</summary>
public sealed class InviteCommand(InviteBatch batch) : IChatCommand
{
    private static readonly char[] Separators = [' ', '\u3000', '\t', '、', '，', ','];

    public string Id => CommandIds.Invite;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0) return turn.SayAsync(MessageKeys.Invite.MissingDepartment, cancellationToken);
        var by = turn.RegisteredContact.Id;
        var result = batch.IsAllMissing(argument)
            ? batch.CreateAllMissing(by)
            : batch.Create(argument.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), by);
        return turn.SayTextAsync(result.Refusal ?? batch.Text(result.Invites), cancellationToken);
    }
}
