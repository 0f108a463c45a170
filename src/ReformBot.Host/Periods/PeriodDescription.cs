using System.Text;
using Microsoft.Extensions.Options;
using ReformBot.Core.Reminders;
using ReformBot.Host.Messages;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Periods;

/// <summary>The current period, its window and its reminder cadence, in Chinese: for 周期 and `period`.</summary>
public sealed class PeriodDescription(ReportingPeriods periods, IOptions<ReminderOptions> reminders, MessageCatalog messages, TextFormat format)
{
    public string Describe()
    {
        var m = messages;
        var period = periods.Current();
        var window = periods.Calendar.WindowFor(period);
        var overridden = periods.Override is not null ? m.Format(PeriodOverridden, format.Period(periods.FromCalendar())) : "";

        var text = new StringBuilder(m.Format(PeriodCurrent, format.Period(period), overridden));
        text.Append('\n').Append(m.Format(PeriodWindow, format.LocalDate(window.Opens), format.Date(window.DueDate)));
        text.Append('\n').Append(m[PeriodScheduleHeader]);
        foreach (var reminder in Schedule())
            text.Append('\n').Append(m.Format(PeriodScheduleLine, format.Date(reminder.Date), KindText(reminder)));
        return text.ToString();
    }

    /// <summary>The current period's reminder cadence.</summary>
    public IReadOnlyList<ScheduledReminder> Schedule() =>
        ReminderSchedule.For(periods.Calendar.WindowFor(periods.Current()), periods.Calendar.Zone, reminders.Value);

    public string KindText(ScheduledReminder reminder) => reminder.Kind switch
    {
        { Stage: ReminderStage.Opened } => messages[ReminderKindOpened],
        { Stage: ReminderStage.Escalation } => messages[ReminderKindEscalation],
        { Stage: ReminderStage.Due, Days: 0 } => messages[ReminderKindDueToday],
        { Stage: ReminderStage.Due } => messages.Format(ReminderKindDue, reminder.Days),
        _ => messages.Format(ReminderKindOverdue, reminder.Days),
    };
}
