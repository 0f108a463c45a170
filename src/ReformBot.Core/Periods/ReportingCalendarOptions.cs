namespace ReformBot.Core.Periods;

/// <summary>Settings of the reporting calendar; settable because the host binds them from configuration.</summary>
public sealed class ReportingCalendarOptions
{
    public const string Section = "ReformBot:Reporting";

    /// <summary>Time zone id (IANA, e.g. Asia/Shanghai) whose wall calendar defines quarters and deadlines.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// Days before a quarter ends that its reporting window opens: mid last month, when most of the
    /// quarter's work can be reported. Below 90, the shortest quarter's length, so every window opens after its quarter starts.
    /// </summary>
    public int OpenDaysBeforeQuarterEnd { get; set; } = 15;

    /// <summary>Days after a quarter's last day that its report is due; offices commonly allow 10.</summary>
    public int DueDaysAfterQuarterEnd { get; set; } = 10;

    /// <summary>What is wrong with the settings, one line each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (OpenDaysBeforeQuarterEnd is < 0 or >= 90)
            problems.Add($"{Section}:{nameof(OpenDaysBeforeQuarterEnd)} must be 0..89 days, not {OpenDaysBeforeQuarterEnd}.");
        if (DueDaysAfterQuarterEnd is < 0 or > 60)
            problems.Add($"{Section}:{nameof(DueDaysAfterQuarterEnd)} must be 0..60 days, not {DueDaysAfterQuarterEnd}.");
        if (FindZone() is null)
            problems.Add($"{Section}:{nameof(TimeZone)} '{TimeZone}' is not a time zone known to this system; use an IANA id such as Asia/Shanghai.");
        return problems;
    }

    /// <summary>Checks every setting and returns the resolved zone.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public TimeZoneInfo Validate() => Problems() is [var problem, ..] ? throw new ArgumentException(problem) : FindZone()!;

    private TimeZoneInfo? FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}
