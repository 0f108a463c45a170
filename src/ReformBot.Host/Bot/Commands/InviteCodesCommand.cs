using ReformBot.Host.Contacts;

namespace ReformBot.Host.Bot.Commands;

/// <summary>邀请码 (office): the invite codes that can still be redeemed, each with its 编号 for 作废.</summary>
public sealed class InviteCodesCommand(InviteCodes codes) : IChatCommand
{
    public string Id => CommandIds.Invites;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken) =>
        turn.SayTextAsync(codes.Text(codes.Open()), cancellationToken);
}
