using ReformBot.Core.Periods;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Periods;

/// <summary>
/// The period being reported: the calendar's current period, unless the office has set another
/// (周期 / `period --set`), for example to keep collecting a quarter a while longer.
/// </summary>
public sealed class ReportingPeriods(ReportingCalendar calendar, ISettingsRepository settings, TimeProvider time)
{
    private const string OverrideKey = "period.override";

    public ReportingCalendar Calendar => calendar;

    public Quarter Current() => Override ?? calendar.CurrentPeriod(time.GetUtcNow());

    /// <summary>The calendar's own choice, whatever the override.</summary>
    public Quarter FromCalendar() => calendar.CurrentPeriod(time.GetUtcNow());

    public Quarter? Override => settings.Get(OverrideKey) is { } text ? Quarter.Parse(text) : null;

    public void SetOverride(Quarter? period) => settings.Set(OverrideKey, period?.ToString());
}
