using ReformBot.Host.Contacts;

namespace ReformBot.Host.Bot.Commands;

/// <summary>作废 &lt;编号或邀请码&gt; (office): revokes an invite code so that it can no longer be redeemed.</summary>
public sealed class RevokeInviteCommand(InviteCodes codes) : IChatCommand
{
    public string Id => CommandIds.RevokeInvite;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken) =>
        turn.SayTextAsync(codes.Revoke(argument, turn.RegisteredContact.Id).Text, cancellationToken);
}
