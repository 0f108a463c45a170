namespace ReformBot.Core.Periods;

/// <summary>Settings of the reporting calendar; settable because the host binds them from configuration.</summary>
public sealed class ReportingCalendarOptions
{
    /// <summary>Time zone id (IANA, e.g. Asia/Shanghai) whose wall calendar defines quarters and deadlines.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// Days before a quarter ends that its reporting window opens: mid last month, when most of the
    /// quarter's work can be reported. Below 90, the shortest quarter's length, so every window opens after its quarter starts.
    /// </summary>
    public int OpenDaysBeforeQuarterEnd { get; set; } = 15;

    /// <summary>Days after a quarter's last day that its report is due; offices commonly allow 10.</summary>
    public int DueDaysAfterQuarterEnd { get; set; } = 10;

    /// <summary>Checks every setting and returns the resolved zone; throws <see cref="ArgumentException"/> naming a bad setting.</summary>
    public TimeZoneInfo Validate()
    {
        if (OpenDaysBeforeQuarterEnd is < 0 or >= 90)
        {
            throw new ArgumentException(
                $"{nameof(OpenDaysBeforeQuarterEnd)} must be 0..89 days, not {OpenDaysBeforeQuarterEnd}.",
                nameof(OpenDaysBeforeQuarterEnd));
        }
        if (DueDaysAfterQuarterEnd is < 0 or > 60)
        {
            throw new ArgumentException(
                $"{nameof(DueDaysAfterQuarterEnd)} must be 0..60 days, not {DueDaysAfterQuarterEnd}.",
                nameof(DueDaysAfterQuarterEnd));
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ArgumentException(
                $"{nameof(TimeZone)} '{TimeZone}' is not a time zone known to this system; use an IANA id such as Asia/Shanghai.",
                nameof(TimeZone), e);
        }
    }
}
