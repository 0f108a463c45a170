using ReformBot.Core.Contacts;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>注册 &lt;邀请码&gt;: redeems an invite, making the sender a contact of its department (or an office member).</summary>
public sealed class RegisterCommand(RegistrationService registration, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Register;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0) return turn.SayAsync(MessageKeys.Register.MissingCode, cancellationToken);
        var activity = turn.Context.Activity;
        // Reminders go to the conversation of registration: a group would get everyone's.
        if (activity.Conversation?.IsGroup == true) return turn.SayAsync(MessageKeys.Register.InGroup, cancellationToken);
        var address = ActivityAddress.Of(activity);
        if (address is null) return turn.SayAsync(MessageKeys.Bot.Error, cancellationToken);

        var redemption = registration.Redeem(argument, activity.From?.Name ?? "", address);
        var shown = redemption.Invite is { } invite ? InviteCode.Display(invite.Code) : argument;
        return redemption.Result switch
        {
            RedemptionResult.UnknownCode => turn.SayAsync(MessageKeys.Register.UnknownCode, cancellationToken, argument),
            RedemptionResult.Expired => turn.SayAsync(MessageKeys.Register.Expired, cancellationToken, shown,
                format.LocalTime(redemption.Invite!.ExpiresAt)),
            RedemptionResult.AlreadyUsed => turn.SayAsync(MessageKeys.Register.Used, cancellationToken, shown),
            RedemptionResult.Revoked => turn.SayAsync(MessageKeys.Register.Revoked, cancellationToken, shown),
            RedemptionResult.GenericUnit => turn.SayAsync(MessageKeys.Register.GenericUnit, cancellationToken, redemption.Invite!.Department!),
            RedemptionResult.AlreadyMember => redemption.Invite!.Department is { } department
                ? turn.SayAsync(MessageKeys.Register.AlreadyMember, cancellationToken, department)
                : turn.SayAsync(MessageKeys.Register.AlreadyOffice, cancellationToken),
            RedemptionResult.Registered or RedemptionResult.Joined => Welcome(turn, redemption, cancellationToken),
            _ => throw new InvalidOperationException($"Unexpected redemption result {redemption.Result}."),
        };
    }

    private Task Welcome(ChatTurn turn, Redemption redemption, CancellationToken cancellationToken)
    {
        var contact = redemption.Contact!;
        if (redemption.Invite!.Department is not { } department) return turn.SayAsync(MessageKeys.Register.Office, cancellationToken);
        var all = format.List(contact.Departments);
        return redemption.Result == RedemptionResult.Registered
            ? turn.SayAsync(MessageKeys.Register.Registered, cancellationToken, all)
            : turn.SayAsync(MessageKeys.Register.Joined, cancellationToken, department, all);
    }
}
