using ReformBot.Host.Messages;
using ReformBot.Host.Periods;
using ReformBot.Host.Scheduling;

namespace ReformBot.Host.Bot.Commands;

/// <summary>提醒 (office): remind every contact with pending tasks now, once a day, with the scheduler's bookkeeping.</summary>
public sealed class RemindCommand(ReminderRun reminders, ReportingPeriods periods, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Remind;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var result = await reminders.RunManualAsync(cancellationToken);
        if (result.Sent + result.AlreadySent + result.Unreachable + result.Failed + result.Unknown == 0)
            await turn.SayAsync(MessageKeys.Reminder.RemindNothing, cancellationToken, format.Period(periods.Current()));
        else
            await turn.SayAsync(MessageKeys.Reminder.RemindDone, cancellationToken, result.Sent, result.AlreadySent, result.Unreachable, result.Failed, result.Unknown);
    }
}
