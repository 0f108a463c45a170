using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Digests;

/// <summary>红黄绿, ordered from best to worst so that the larger value is the worse light.</summary>
public enum TrafficLight
{
    /// <summary>绿: nothing to act on.</summary>
    Green,
    /// <summary>黄: watch it (due soon; behind).</summary>
    Yellow,
    /// <summary>红: act now (missing after the due date; overdue against the plan).</summary>
    Red,
}

/// <summary>
/// The two traffic lights (红黄绿) of one lead department's report on one task for one period, and of a
/// department. They answer two questions apart, so that a department that reported everything on time
/// is never shown as failing to report. This class is the only place the rule is written.
/// <para><b>Reporting light</b> (报送): has the report of this period come in, in time?</para>
/// <list type="bullet">
/// <item><b>Red</b> — no report for the period and its due date has passed (now is at or after the
/// window's deadline, local midnight after the due date).</item>
/// <item><b>Yellow</b> — no report yet and the due date is at most <see cref="DigestOptions.DueSoonDays"/>
/// days away on the local calendar (from the due date minus N days through the due date itself).</item>
/// <item><b>Green</b> — the report is in (also when it came in late: it is no longer missing), or the due
/// date is more than N days away.</item>
/// </list>
/// A report the office sent back (退回) counts as not in until a new revision comes.
/// <para><b>Progress light</b> (进展): is the task on track against the plan?</para>
/// <list type="bullet">
/// <item><b>Red</b> — the task is overdue against the plan for this lead department
/// (<see cref="PlanDeadlineRule"/>: its due year has passed and no report of this department ever marked it
/// 已完成), whatever the period's report says.</item>
/// <item><b>Yellow</b> — otherwise, the latest report of the period says 滞后; or it says 未启动 and the
/// schedule does not start the task in a later year.</item>
/// <item><b>Green</b> — everything else: 已完成, 按计划推进, 未启动 before the schedule's start year, and
/// no report (a missing report is the reporting light's business).</item>
/// </list>
/// A department's light of each kind is the worst of its tasks' lights of that kind.
/// </summary>
public sealed class TrafficLightRule
{
    private readonly ReportingWindow _window;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;
    private readonly int _localYear;
    private readonly int _dueSoonDays;

    public TrafficLightRule(ReportingWindow window, ReportingCalendar calendar, DateTimeOffset now, int dueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);
        _window = window;
        _now = now;
        _today = calendar.LocalDate(now);
        _localYear = _today.Year;
        _dueSoonDays = dueSoonDays;
    }

    /// <summary>The reporting light of one (task, lead department) report for the window's period.</summary>
    /// <param name="submitted">A revision of the period is in and was not sent back.</param>
    public TrafficLight Reporting(bool submitted) =>
        submitted ? TrafficLight.Green
        : _window.IsLate(_now) ? TrafficLight.Red
        : _today >= _window.DueDate.AddDays(-_dueSoonDays) ? TrafficLight.Yellow
        : TrafficLight.Green;

    /// <summary>The progress light of one (task, lead department) report for the window's period.</summary>
    /// <param name="latestStatus">The status of the latest revision of the period, or null if none is in (or it was sent back).</param>
    /// <param name="overdueAgainstPlan">Whether the task is overdue against the plan for this lead department.</param>
    /// <param name="schedule">The task's schedule, for 未启动 before the start year.</param>
    public TrafficLight Progress(ReportStatus? latestStatus, bool overdueAgainstPlan, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (overdueAgainstPlan) return TrafficLight.Red;
        return latestStatus switch
        {
            ReportStatus.Behind => TrafficLight.Yellow,
            ReportStatus.NotStarted when schedule.StartYear is int start && start > _localYear => TrafficLight.Green,
            ReportStatus.NotStarted => TrafficLight.Yellow,
            _ => TrafficLight.Green,
        };
    }

    /// <summary>The worse of two lights; a department's light is the worst of its tasks' lights.</summary>
    public static TrafficLight Worst(TrafficLight a, TrafficLight b) => a >= b ? a : b;

    /// <summary>A department's light of one kind: the worst of its tasks' lights of that kind; green if it has none.</summary>
    public static TrafficLight ForDepartment(IEnumerable<TrafficLight> taskLights) =>
        taskLights.Aggregate(TrafficLight.Green, Worst);
}
