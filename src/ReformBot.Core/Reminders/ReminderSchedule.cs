using ReformBot.Core.Periods;

namespace ReformBot.Core.Reminders;

/// <summary>One reminder of a period's cadence and the local date it goes out.</summary>
/// <param name="Kind">opened, due-7, due-3, due-1, due-0, overdue-1 … overdue-N, escalation.</param>
/// <param name="Days">Days before the due date (due-N), or working days after it (overdue-N); 0 otherwise.</param>
/// <param name="ToOffice">The escalation goes to the office; the others to the contacts of departments with pending tasks.</param>
public sealed record ScheduledReminder(string Kind, DateOnly Date, int Days, bool ToOffice);

/// <summary>
/// A period's reminder cadence on the working-day calendar. Dates that fall on a day off move:
/// the opening notice, overdue reminders and the escalation to the next working day; reminders
/// before the due date (and on it) to the working day before, so they still arrive in time.
/// Reminders before the period opens are dropped, and of two reminders on one day only the later
/// (more urgent) one is kept, so a contact gets at most one reminder a day.
/// </summary>
public static class ReminderSchedule
{
    public const string Opened = "opened";
    public const string Escalation = "escalation";

    /// <summary>
    /// An escalation missed while the host was down still goes out this many days after its date;
    /// later, the period is old news and the office reads the digest instead.
    /// </summary>
    public const int EscalationCatchUpDays = 7;

    public static IReadOnlyList<ScheduledReminder> For(ReportingWindow window, TimeZoneInfo zone, ReminderOptions options)
    {
        var days = new WorkingDays(options);
        var opens = days.OnOrAfter(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(window.Opens, zone).DateTime));
        var due = window.DueDate;

        // In cadence order: a later entry is more urgent than an earlier one.
        var cadence = new List<ScheduledReminder> { new(Opened, opens, 0, false) };
        foreach (var before in options.DaysBeforeDue.Where(d => d > 0).Distinct().OrderDescending())
            cadence.Add(new($"due-{before}", days.OnOrBefore(due.AddDays(-before)), before, false));
        cadence.Add(new("due-0", days.OnOrBefore(due), 0, false));
        for (var after = 1; after <= options.OverdueDays; after++)
            cadence.Add(new($"overdue-{after}", days.After(due, after), after, false));
        cadence.Add(new(Escalation, days.After(due, options.OverdueDays + 1), 0, true));

        var toContacts = cadence.Where(r => !r.ToOffice && r.Date >= opens)
            .GroupBy(r => r.Date)
            .Select(g => g.Last())
            .OrderBy(r => r.Date);
        return [.. toContacts, cadence[^1]];
    }

    /// <summary>
    /// The contacts' reminder for <paramref name="today"/>: the latest one dated on or before it, so
    /// that a reminder missed while the host was down goes out late rather than never. Null before
    /// the period opens, and from the escalation on: then the office takes over.
    /// </summary>
    public static ScheduledReminder? ForContacts(IReadOnlyList<ScheduledReminder> schedule, DateOnly today) =>
        schedule.Any(r => r.ToOffice && r.Date <= today) ? null : schedule.Where(r => !r.ToOffice && r.Date <= today).LastOrDefault();

    /// <summary>The escalation, from its date on, for <see cref="EscalationCatchUpDays"/> days.</summary>
    public static ScheduledReminder? ForOffice(IReadOnlyList<ScheduledReminder> schedule, DateOnly today) =>
        schedule.FirstOrDefault(r => r.ToOffice && r.Date <= today && today < r.Date.AddDays(EscalationCatchUpDays));
}
