using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.TestTime;

namespace ReformBot.Core.Tests.Reports;

public class PlanDeadlineRuleTests
{
    private static readonly ReportingCalendar Shanghai = new(new ReportingCalendarOptions());
    private static readonly Schedule Due2017 = new("2017年完成", null, 2017, null, false);

    [Theory]
    [InlineData(2016, false)]
    [InlineData(2017, false)]
    [InlineData(2018, true)]
    [InlineData(2026, true)]
    public void Overdue_once_the_local_year_is_past_the_due_year(int currentLocalYear, bool overdue) =>
        Assert.Equal(overdue, PlanDeadlineRule.IsOverdueAgainstPlan(Due2017, [], new DateOnly(currentLocalYear, 1, 1)));

    [Theory]
    [InlineData("2017-06-30T12:00:00+08:00", false)]
    [InlineData("2017-12-31T23:59:00+08:00", false)]
    [InlineData("2017-12-31T23:59:59.9999999+08:00", false)]
    [InlineData("2018-01-01T00:00:00+08:00", true)]
    // The same year end written in UTC: Shanghai's new year starts at 16:00Z on 31 December.
    [InlineData("2017-12-31T15:59:59.9999999+00:00", false)]
    [InlineData("2017-12-31T16:00:00+00:00", true)]
    public void Overdue_from_local_new_year_in_the_calendar_zone(string now, bool overdue) =>
        Assert.Equal(overdue, PlanDeadlineRule.IsOverdueAgainstPlan(Due2017, [ReportStatus.OnTrack], Shanghai, At(now)));

    [Theory]
    [InlineData("2026-06-30T23:59:59+08:00", false)]
    [InlineData("2026-07-01T00:00:00+08:00", true)]
    [InlineData("2026-06-30T16:00:00+00:00", true)]
    public void A_due_month_is_overdue_from_the_first_local_day_after_it(string now, bool overdue) =>
        Assert.Equal(overdue, PlanDeadlineRule.IsOverdueAgainstPlan(ScheduleParser.Parse("2026年6月底前"), [ReportStatus.OnTrack], Shanghai, At(now)));

    [Fact]
    public void The_same_instant_is_not_yet_overdue_in_UTC()
    {
        var utc = new ReportingCalendar(new ReportingCalendarOptions { TimeZone = "UTC" });
        Assert.False(PlanDeadlineRule.IsOverdueAgainstPlan(Due2017, [], utc, At("2017-12-31T16:00:00+00:00")));
        Assert.True(PlanDeadlineRule.IsOverdueAgainstPlan(Due2017, [], utc, At("2018-01-01T00:00:00+00:00")));
    }

    [Theory]
    [InlineData(new ReportStatus[0], true)]
    [InlineData(new[] { ReportStatus.Behind }, true)]
    [InlineData(new[] { ReportStatus.NotStarted, ReportStatus.OnTrack, ReportStatus.Behind }, true)]
    [InlineData(new[] { ReportStatus.Completed }, false)]
    [InlineData(new[] { ReportStatus.Behind, ReportStatus.Completed }, false)]
    [InlineData(new[] { ReportStatus.Completed, ReportStatus.Behind }, false)]
    public void Any_report_marking_the_task_completed_clears_it(ReportStatus[] reported, bool overdue) =>
        Assert.Equal(overdue, PlanDeadlineRule.IsOverdueAgainstPlan(Due2017, reported, new DateOnly(2020, 1, 1)));

    public static TheoryData<Schedule> NeverOverdue() =>
    [
        Schedule.Empty,
        new("持续推进", null, null, null, true),
        new("2016年启动，持续推进", 2016, null, null, true),
        new("2016年已完成", null, null, 2016, false),
        // A done year wins even if a due year was also read.
        new("2016年已完成", null, 2016, 2016, false),
    ];

    [Theory]
    [MemberData(nameof(NeverOverdue))]
    public void Tasks_without_a_due_year_or_already_done_are_never_overdue(Schedule schedule)
    {
        Assert.False(PlanDeadlineRule.IsOverdueAgainstPlan(schedule, [], new DateOnly(2030, 1, 1)));
        Assert.False(PlanDeadlineRule.IsOverdueAgainstPlan(schedule, [ReportStatus.Behind], Shanghai, At("2030-01-01T00:00:00+08:00")));
    }
}
