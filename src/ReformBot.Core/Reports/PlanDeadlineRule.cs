using ReformBot.Core.Periods;
using ReformBot.Core.Plans;

namespace ReformBot.Core.Reports;

/// <summary>
/// Overdue against the plan: the task's schedule has a due date (2017年完成 → 31 December 2017, 2026年6月底前 →
/// 30 June 2026) that has passed on the local calendar — from the next day, local midnight — and no report marks
/// it 已完成. A task done when the plan was written (2016年已完成) or without a due year never is.
/// </summary>
public static class PlanDeadlineRule
{
    public static bool IsOverdueAgainstPlan(
        Schedule schedule, IEnumerable<ReportStatus> reportedStatuses, DateOnly localToday) =>
        schedule is { DoneYear: null, DueBy: DateOnly dueBy } &&
        localToday > dueBy &&
        !reportedStatuses.Contains(ReportStatus.Completed);

    public static bool IsOverdueAgainstPlan(
        Schedule schedule, IEnumerable<ReportStatus> reportedStatuses, ReportingCalendar calendar, DateTimeOffset now) =>
        IsOverdueAgainstPlan(schedule, reportedStatuses, calendar.LocalDate(now));
}
