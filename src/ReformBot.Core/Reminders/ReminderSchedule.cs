using ReformBot.Core.Periods;

namespace ReformBot.Core.Reminders;

/// <summary>One reminder of a period's cadence and the local date it goes out.</summary>
/// <param name="Planned">The date the cadence names before it moves off a day off; equal to <paramref name="Date"/> when it did not move.</param>
public sealed record ScheduledReminder(ReminderKind Kind, DateOnly Date, DateOnly Planned)
{
    public bool Moved => Date != Planned;

    /// <summary>Days before the due date, or working days after it; 0 otherwise.</summary>
    public int Days => Kind.Days;

    /// <summary>The escalation goes to the office; the others to the contacts of departments with pending tasks.</summary>
    public bool ToOffice => Kind.Stage == ReminderStage.Escalation;
}

/// <summary>
/// A period's reminder cadence on the working-day calendar. Dates that fall on a day off move:
/// the opening notice, overdue reminders and the escalation to the next working day; reminders
/// before the due date (and on it) to the working day before, so they still arrive in time.
/// Reminders before the period opens are dropped, and of two reminders on one day only the later
/// (more urgent) one is kept, so a contact gets at most one reminder a day.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>
    /// An escalation missed while the host was down still goes out this many days after its date;
    /// later, the period is old news and the office reads the digest instead.
    /// </summary>
    public const int EscalationCatchUpDays = 7;

    public static IReadOnlyList<ScheduledReminder> For(ReportingWindow window, TimeZoneInfo zone, ReminderOptions options, HolidayCalendar holidays)
    {
        var days = new WorkingDays(options, holidays);
        var opening = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(window.Opens, zone).DateTime);
        var opens = days.OnOrAfter(opening);
        var due = window.DueDate;

        // The n-th working day after the due date, and the day after the (n-1)-th: where it lands without days off.
        ScheduledReminder After(ReminderKind kind, int n) => new(kind, days.After(due, n), days.After(due, n - 1).AddDays(1));

        // In cadence order: a later entry is more urgent than an earlier one.
        var cadence = new List<ScheduledReminder> { new(ReminderKind.Opened, opens, opening) };
        foreach (var before in options.DaysBeforeDue.Where(d => d > 0).Distinct().OrderDescending())
            cadence.Add(new(ReminderKind.Due(before), days.OnOrBefore(due.AddDays(-before)), due.AddDays(-before)));
        cadence.Add(new(ReminderKind.Due(0), days.OnOrBefore(due), due));
        for (var after = 1; after <= options.OverdueDays; after++)
            cadence.Add(After(ReminderKind.Overdue(after), after));
        cadence.Add(After(ReminderKind.Escalation, options.OverdueDays + 1));

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
