using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Digests;

/// <summary>红黄绿, ordered from best to worst so that the larger value is the worse light.</summary>
public enum TrafficLight
{
    /// <summary>绿: on track or done; nothing to act on.</summary>
    Green,
    /// <summary>黄: behind, or the report is due soon and not in yet.</summary>
    Yellow,
    /// <summary>红: the report is missing after its due date, or the task is overdue against the plan.</summary>
    Red,
}

/// <summary>
/// The traffic light (红黄绿) of one lead department's report on one task for one period, and of a
/// department. This class is the only place the rule is written:
/// <list type="bullet">
/// <item><b>Red</b> — the task is overdue against the plan (<see cref="PlanDeadlineRule"/>: its due year has
/// passed and no report ever marked it 已完成), or there is no report for the period and its due date has
/// passed (now is at or after the window's deadline, local midnight after the due date).</item>
/// <item><b>Yellow</b> — otherwise, the latest report of the period says 滞后; or it says 未启动 and the
/// schedule does not start the task in a later year; or there is no report yet and the due date is at most
/// <see cref="DigestOptions.DueSoonDays"/> days away on the local calendar (from the due date minus N days
/// through the due date itself).</item>
/// <item><b>Green</b> — everything else: 已完成, 按计划推进, 未启动 before the schedule's start year, or no
/// report yet with more than N days to go.</item>
/// </list>
/// A department's light is the worst light of its tasks: one red task makes the department red.
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

    /// <summary>The light of one (task, lead department) report for the window's period.</summary>
    /// <param name="latestStatus">The status of the latest revision of the period, or null if none was submitted.</param>
    /// <param name="overdueAgainstPlan">Whether the task is overdue against the plan.</param>
    /// <param name="schedule">The task's schedule, for 未启动 before the start year.</param>
    public TrafficLight ForTask(ReportStatus? latestStatus, bool overdueAgainstPlan, Schedule schedule)
    {
        if (overdueAgainstPlan) return TrafficLight.Red;
        return latestStatus switch
        {
            null when _window.IsLate(_now) => TrafficLight.Red,
            null when _today >= _window.DueDate.AddDays(-_dueSoonDays) => TrafficLight.Yellow,
            null => TrafficLight.Green,
            ReportStatus.Behind => TrafficLight.Yellow,
            ReportStatus.NotStarted when schedule.StartYear is int start && start > _localYear => TrafficLight.Green,
            ReportStatus.NotStarted => TrafficLight.Yellow,
            _ => TrafficLight.Green,
        };
    }

    /// <summary>The worse of two lights; a department's light is the worst of its tasks' lights.</summary>
    public static TrafficLight Worst(TrafficLight a, TrafficLight b) => a >= b ? a : b;

    /// <summary>A department's light: the worst of its tasks' lights; green if it has none.</summary>
    public static TrafficLight ForDepartment(IEnumerable<TrafficLight> taskLights) =>
        taskLights.Aggregate(TrafficLight.Green, Worst);
}
