using ReformBot.Core.Periods;
using ReformBot.Core.Plans;

namespace ReformBot.Core.Reports;

/// <summary>
/// Overdue against the plan: the task's schedule has a due year (2017年完成) that has passed on the local
/// calendar — from 1 January of the next year, local midnight, not on 31 December — and no report marks
/// it 已完成. A task done when the plan was written (2016年已完成) or without a due year never is.
/// </summary>
public static class PlanDeadlineRule
{
    public static bool IsOverdueAgainstPlan(
        Schedule schedule, IEnumerable<ReportStatus> reportedStatuses, int currentLocalYear) =>
        schedule is { DoneYear: null, DueYear: int dueYear } &&
        currentLocalYear > dueYear &&
        !reportedStatuses.Contains(ReportStatus.Completed);

    public static bool IsOverdueAgainstPlan(
        Schedule schedule, IEnumerable<ReportStatus> reportedStatuses, ReportingCalendar calendar, DateTimeOffset now) =>
        IsOverdueAgainstPlan(schedule, reportedStatuses, calendar.LocalYear(now));
}
