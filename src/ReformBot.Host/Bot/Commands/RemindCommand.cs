using ReformBot.Core.Contacts;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;
using ReformBot.Host.Scheduling;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 提醒 (office): remind every contact with pending tasks now, once a day. Answers at once; the
/// reminders go out in the background and the office member gets a summary when they are out.
/// </summary>
public sealed class RemindCommand(ChaseRun chases, ReportingPeriods periods, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Remind;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var start = chases.Remind(turn.RegisteredContact);
        if (start.Chase is null)
            return turn.SayAsync(MessageKeys.Reminder.RemindNothing, cancellationToken, format.Period(periods.Current()));

        var lines = new List<string>
        {
            start.Targets.Count > 0
                ? turn.Messages.Format(MessageKeys.Reminder.RemindStarted, start.Targets.Count, start.Chase.Departments.Count)
                : turn.Messages.Format(MessageKeys.Reminder.RemindNobody, start.Chase.Departments.Count),
        };
        if (start.WithoutContact.Count > 0)
            lines.Add(turn.Messages.Format(MessageKeys.Reminder.RemindWithoutContact, start.WithoutContact.Count, format.List(start.WithoutContact)));
        if (start.Unreachable.Count > 0)
            lines.Add(turn.Messages.Format(MessageKeys.Reminder.RemindUnreachable, format.List(Names(start.Unreachable))));
        return turn.SayTextAsync(string.Join("\n", lines), cancellationToken);
    }

    private IEnumerable<string> Names(IEnumerable<Contact> contacts) => contacts.Select(format.ContactName);
}
