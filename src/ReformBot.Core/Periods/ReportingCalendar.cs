namespace ReformBot.Core.Periods;

/// <summary>Reporting periods and their windows on the wall calendar of the configured zone.</summary>
public sealed class ReportingCalendar
{
    // Copied so later changes to the bound options cannot move windows under a running calendar.
    private readonly int openDays;
    private readonly int dueDays;

    public ReportingCalendar(ReportingCalendarOptions options)
    {
        Zone = options.Validate();
        openDays = options.OpenDaysBeforeQuarterEnd;
        dueDays = options.DueDaysAfterQuarterEnd;
    }

    public TimeZoneInfo Zone { get; }

    public ReportingWindow WindowFor(Quarter quarter)
    {
        var dueDate = quarter.LastDay.AddDays(dueDays);
        return new(
            quarter,
            Opens: LocalDay.Start(quarter.LastDay.AddDays(1 - openDays), Zone),
            Deadline: LocalDay.Start(dueDate.AddDays(1), Zone),
            DueDate: dueDate);
    }

    /// <summary>The latest quarter whose window has opened at <paramref name="now"/>.</summary>
    public Quarter CurrentPeriod(DateTimeOffset now)
    {
        // A window opens after its quarter starts and no later than it ends (0..89 open days),
        // so the latest opened one is this quarter's or the one before.
        var quarter = Quarter.Containing(now, Zone);
        return WindowFor(quarter).IsOpenAt(now) ? quarter : quarter.Previous();
    }

    public int LocalYear(DateTimeOffset now) => LocalDate(now).Year;

    public DateOnly LocalDate(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
}
