using System.Text;
using Microsoft.Extensions.Options;
using ReformBot.Core.Reminders;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Periods;

/// <summary>The current period, its window and its reminder cadence, in Chinese: for 周期 and `period`.</summary>
public sealed class PeriodDescription(ReportingPeriods periods, IOptions<ReminderOptions> reminders, HolidayCalendar holidays, MessageCatalog messages, TextFormat format)
{
    public string Describe()
    {
        var m = messages;
        var period = periods.Current();
        var window = periods.Calendar.WindowFor(period);
        var overridden = periods.Override is not null ? m.Format(MessageKeys.Period.Overridden, format.Period(periods.FromCalendar())) : "";

        var text = new StringBuilder(m.Format(MessageKeys.Period.Current, format.Period(period), overridden));
        text.Append('\n').Append(m.Format(MessageKeys.Period.Window, format.LocalDate(window.Opens), format.Date(window.DueDate)));
        text.Append('\n').Append(m[MessageKeys.Period.ScheduleHeader]);
        var days = new WorkingDays(reminders.Value, holidays);
        foreach (var reminder in Schedule())
            text.Append('\n').Append(m.Format(MessageKeys.Period.ScheduleLine, format.Date(reminder.Date) + Moved(reminder, days), KindText(reminder)));
        return text.ToString();
    }

    /// <summary>Why a date moved off the day its cadence names: （国庆节放假，顺延）; empty when it did not.</summary>
    private string Moved(ScheduledReminder reminder, WorkingDays days)
    {
        if (!reminder.Moved) return "";
        var m = messages;
        var reason = days.HolidayName(reminder.Planned) is { } holiday ? m.Format(MessageKeys.Period.MovedHoliday, holiday)
            : days.IsWeekend(reminder.Planned) ? m[MessageKeys.Period.MovedWeekend]
            : m[MessageKeys.Period.MovedDayOff];
        return m.Format(MessageKeys.Period.Moved, reason, m[reminder.Date > reminder.Planned ? MessageKeys.Period.MovedLater : MessageKeys.Period.MovedEarlier]);
    }

    /// <summary>The current period's reminder cadence.</summary>
    public IReadOnlyList<ScheduledReminder> Schedule() =>
        ReminderSchedule.For(periods.Calendar.WindowFor(periods.Current()), periods.Calendar.Zone, reminders.Value, holidays);

    public string KindText(ScheduledReminder reminder) => reminder.Kind switch
    {
        { Stage: ReminderStage.Opened } => messages[MessageKeys.Reminder.KindOpened],
        { Stage: ReminderStage.Escalation } => messages[MessageKeys.Reminder.KindEscalation],
        { Stage: ReminderStage.Due, Days: 0 } => messages[MessageKeys.Reminder.KindDueToday],
        { Stage: ReminderStage.Due } => messages.Format(MessageKeys.Reminder.KindDue, reminder.Days),
        _ => messages.Format(MessageKeys.Reminder.KindOverdue, reminder.Days),
    };
}
