using ReformBot.Core.Contacts;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Bot.Commands;

/// <summary>注册 &lt;邀请码&gt;: redeems an invite, making the sender a contact of its department (or an office member).</summary>
public sealed class RegisterCommand(RegistrationService registration, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Register;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0) return turn.SayAsync(RegisterMissingCode, cancellationToken);
        var activity = turn.Context.Activity;
        // Reminders go to the conversation of registration: a group would get everyone's.
        if (activity.Conversation?.IsGroup == true) return turn.SayAsync(RegisterInGroup, cancellationToken);
        var address = ActivityAddress.Of(activity);
        if (address is null) return turn.SayAsync(BotError, cancellationToken);

        var redemption = registration.Redeem(argument, activity.From?.Name ?? "", address);
        var shown = redemption.Invite is { } invite ? InviteCode.Display(invite.Code) : argument;
        return redemption.Result switch
        {
            RedemptionResult.UnknownCode => turn.SayAsync(RegisterUnknownCode, cancellationToken, argument),
            RedemptionResult.Expired => turn.SayAsync(RegisterExpired, cancellationToken, shown,
                format.LocalTime(redemption.Invite!.ExpiresAt)),
            RedemptionResult.AlreadyUsed => turn.SayAsync(RegisterUsed, cancellationToken, shown),
            RedemptionResult.AlreadyMember => redemption.Invite!.Department is { } department
                ? turn.SayAsync(RegisterAlreadyMember, cancellationToken, department)
                : turn.SayAsync(RegisterAlreadyOffice, cancellationToken),
            RedemptionResult.Registered or RedemptionResult.Joined => Welcome(turn, redemption, cancellationToken),
            _ => throw new InvalidOperationException($"Unexpected redemption result {redemption.Result}."),
        };
    }

    private Task Welcome(ChatTurn turn, Redemption redemption, CancellationToken cancellationToken)
    {
        var contact = redemption.Contact!;
        if (redemption.Invite!.Department is not { } department) return turn.SayAsync(RegisterOffice, cancellationToken);
        var all = format.List(contact.Departments);
        return redemption.Result == RedemptionResult.Registered
            ? turn.SayAsync(RegisterRegistered, cancellationToken, all)
            : turn.SayAsync(RegisterJoined, cancellationToken, department, all);
    }
}
