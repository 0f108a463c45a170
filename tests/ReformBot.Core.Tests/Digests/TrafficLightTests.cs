using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.Digests.DigestFixture;
using static ReformBot.Core.Tests.TestTime;

namespace ReformBot.Core.Tests.Digests;

/// <summary>
/// The two lights (reporting, progress) at their boundaries, on hand-built cases. 2026Q4 is due on 2027-01-10 (Asia/Shanghai); its deadline is
/// 2027-01-11T00:00+08:00. With the default 3 due-soon days, a missing report turns yellow on 2027-01-07.
/// </summary>
public class TrafficLightTests
{
    private static readonly PlanTask Task1 = Task(1, "科技厅");

    private static DigestTaskRow MissingRow(string now, int dueSoonDays = 3, ReportingCalendar? calendar = null) =>
        Compute([Task1], [], now, period: "2026Q4", options: new DigestOptions(dueSoonDays), calendar: calendar).Row(1, "科技厅");

    private static TrafficLight MissingLight(string now, int dueSoonDays = 3, ReportingCalendar? calendar = null) =>
        MissingRow(now, dueSoonDays, calendar).ReportingLight;

    [Theory]
    [InlineData("2026-12-17T00:00:00+08:00", TrafficLight.Green)]
    [InlineData("2027-01-06T23:59:59.9999999+08:00", TrafficLight.Green)]
    // Exactly 3 days before the due date.
    [InlineData("2027-01-07T00:00:00+08:00", TrafficLight.Yellow)]
    [InlineData("2027-01-09T12:00:00+08:00", TrafficLight.Yellow)]
    // The due date itself, to its last instant.
    [InlineData("2027-01-10T00:00:00+08:00", TrafficLight.Yellow)]
    [InlineData("2027-01-10T23:59:59.9999999+08:00", TrafficLight.Yellow)]
    // The day after.
    [InlineData("2027-01-11T00:00:00+08:00", TrafficLight.Red)]
    [InlineData("2027-03-01T00:00:00+08:00", TrafficLight.Red)]
    // The same boundaries written in UTC: Shanghai's 2027-01-07 starts at 16:00Z the day before.
    [InlineData("2027-01-06T15:59:59.9999999+00:00", TrafficLight.Green)]
    [InlineData("2027-01-06T16:00:00+00:00", TrafficLight.Yellow)]
    [InlineData("2027-01-10T15:59:59.9999999+00:00", TrafficLight.Yellow)]
    [InlineData("2027-01-10T16:00:00+00:00", TrafficLight.Red)]
    public void A_missing_reports_reporting_light_is_green_then_yellow_from_N_days_before_the_due_date_then_red_after_it(string now, TrafficLight light)
    {
        var row = MissingRow(now);
        Assert.Equal(light, row.ReportingLight);
        // Nothing reported says nothing about progress: that light stays green (the task is not overdue).
        Assert.Equal(TrafficLight.Green, row.ProgressLight);
    }

    [Theory]
    [InlineData(0, "2027-01-09T23:59:59+08:00", TrafficLight.Green)]
    [InlineData(0, "2027-01-10T00:00:00+08:00", TrafficLight.Yellow)]
    [InlineData(7, "2027-01-02T23:59:59+08:00", TrafficLight.Green)]
    [InlineData(7, "2027-01-03T00:00:00+08:00", TrafficLight.Yellow)]
    public void Due_soon_days_are_an_option(int dueSoonDays, string now, TrafficLight light) =>
        Assert.Equal(light, MissingLight(now, dueSoonDays));

    [Fact]
    public void Days_count_on_the_calendar_zone()
    {
        var utc = new ReportingCalendar(new ReportingCalendarOptions { TimeZone = "UTC" });
        // 16:00Z on 2027-01-10 is already 2027-01-11 in Shanghai, still the due date in UTC.
        Assert.Equal(TrafficLight.Yellow, MissingLight("2027-01-10T16:00:00+00:00", calendar: utc));
        Assert.Equal(TrafficLight.Red, MissingLight("2027-01-11T00:00:00+00:00", calendar: utc));
    }

    [Fact]
    public void Due_soon_days_cannot_be_negative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigestOptions(-1));

    [Fact]
    public void Default_due_soon_days_are_three() => Assert.Equal(3, DigestOptions.Default.DueSoonDays);

    [Theory]
    [InlineData(ReportStatus.Completed, TrafficLight.Green)]
    [InlineData(ReportStatus.OnTrack, TrafficLight.Green)]
    [InlineData(ReportStatus.Behind, TrafficLight.Yellow)]
    [InlineData(ReportStatus.NotStarted, TrafficLight.Yellow)]
    public void A_report_is_in_and_its_status_sets_the_progress_light_before_and_after_the_due_date(ReportStatus status, TrafficLight progress)
    {
        // Submitted late, looked at long after the due date: a report that is in is never red for lateness.
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, status, "2027-02-01T09:00:00+08:00") };
        foreach (var now in new[] { "2027-03-01T00:00:00+08:00", "2027-02-01T10:00:00+08:00" })
        {
            var row = Compute([Task1], revisions, now, "2026Q4").Row(1, "科技厅");
            Assert.Equal((TrafficLight.Green, progress), (row.ReportingLight, row.ProgressLight));
        }
    }

    [Theory]
    [InlineData(2026, TrafficLight.Yellow)]
    [InlineData(2027, TrafficLight.Yellow)]
    [InlineData(2028, TrafficLight.Green)]
    public void Not_started_is_green_only_before_the_schedules_start_year(int startYear, TrafficLight light)
    {
        var task = Task(1, "科技厅", StartsIn(startYear));
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, ReportStatus.NotStarted, "2027-01-05T09:00:00+08:00") };
        Assert.Equal(light, Compute([task], revisions, "2027-01-06T00:00:00+08:00", "2026Q4").Row(1, "科技厅").ProgressLight);
    }

    [Theory]
    [InlineData(ReportStatus.Completed)]
    [InlineData(ReportStatus.OnTrack)]
    [InlineData(ReportStatus.Behind)]
    public void Overdue_against_the_plan_is_a_red_progress_light_whatever_the_report_says_and_the_report_is_still_in(ReportStatus status)
    {
        // A 已完成 of this very period clears the task; a 2025 task reported 按计划推进 in 2027 is overdue.
        var task = Task(1, "科技厅", DueIn(2025));
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, status, "2027-01-05T09:00:00+08:00") };
        var row = Compute([task], revisions, "2027-01-06T00:00:00+08:00", "2026Q4").Row(1, "科技厅");
        var overdue = status != ReportStatus.Completed;
        Assert.Equal(overdue, row.OverdueAgainstPlan);
        Assert.Equal(overdue ? TrafficLight.Red : TrafficLight.Green, row.ProgressLight);
        Assert.Equal(TrafficLight.Green, row.ReportingLight);
    }

    [Fact]
    public void Overdue_and_missing_after_the_due_date_are_both_red_each_on_its_own_light()
    {
        var task = Task(1, "科技厅", DueIn(2025));
        var row = Compute([task], [], "2027-01-11T00:00:00+08:00", "2026Q4").Row(1, "科技厅");
        Assert.Equal((TrafficLight.Red, TrafficLight.Red), (row.ReportingLight, row.ProgressLight));
        Assert.True(row.IsRed);
    }

    [Fact]
    public void A_department_that_reported_everything_on_time_has_a_green_reporting_light_even_with_tasks_overdue()
    {
        // 科技厅 leads 39 tasks and reported all 39 before the due date; 3 of them are overdue against the
        // plan, 2 are 滞后. It must not look like a department that failed to report.
        var tasks = Enumerable.Range(1, 39).Select(n => Task(n, "科技厅", n <= 3 ? DueIn(2020) : Ongoing)).ToArray();
        var revisions = tasks.Select(t => Rev(t.Number, "科技厅", "2026Q4", 1,
            t.Number is 4 or 5 ? ReportStatus.Behind : ReportStatus.OnTrack, "2027-01-05T09:00:00+08:00")).ToArray();

        var digest = Compute(tasks, revisions, "2027-01-20T10:00:00+08:00", "2026Q4");
        var department = digest.Department("科技厅");

        Assert.Equal((39, 39), (department.Expected, department.Submitted));
        Assert.Equal(TrafficLight.Green, department.ReportingLight);
        Assert.Equal(new LightCounts(0, 0, 39), department.ReportingLights);
        Assert.Equal(TrafficLight.Red, department.ProgressLight);
        Assert.Equal(new LightCounts(Red: 3, Yellow: 2, Green: 34), department.ProgressLights);
        Assert.Equal(3, department.OverdueAgainstPlan);
        Assert.Equal(new LightCounts(0, 0, 39), digest.Totals.ReportingLights);
        Assert.Equal(new LightCounts(3, 2, 34), digest.Totals.ProgressLights);
    }

    [Fact]
    public void A_department_is_as_bad_as_its_worst_task_on_each_light_separately()
    {
        var tasks = new[] { Task(1, "科技厅"), Task(2, "科技厅"), Task(3, "科技厅"), Task(4, "财政厅") };
        var revisions = new[]
        {
            Rev(1, "科技厅", "2026Q4", 1, ReportStatus.Completed, "2027-01-02T09:00:00+08:00"),
            Rev(2, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
            Rev(4, "财政厅", "2026Q4", 1, ReportStatus.Behind, "2027-01-02T09:00:00+08:00"),
        };
        // Task 3 missing: green early, yellow when due soon, red after; progress stays green for 科技厅.
        Assert.Equal(TrafficLight.Green, Compute(tasks, revisions, "2027-01-03T00:00:00+08:00").Department("科技厅").ReportingLight);
        Assert.Equal(TrafficLight.Yellow, Compute(tasks, revisions, "2027-01-08T00:00:00+08:00").Department("科技厅").ReportingLight);
        var late = Compute(tasks, revisions, "2027-01-11T00:00:00+08:00");
        var kjt = late.Department("科技厅");
        Assert.Equal((TrafficLight.Red, TrafficLight.Green), (kjt.ReportingLight, kjt.ProgressLight));
        Assert.Equal(new LightCounts(1, 0, 2), kjt.ReportingLights);
        Assert.Equal(new LightCounts(0, 0, 3), kjt.ProgressLights);
        Assert.True(kjt.IsRed);
        // 财政厅 reported its one task, 滞后: reporting green, progress yellow; not a red department.
        var czt = late.Department("财政厅");
        Assert.Equal((TrafficLight.Green, TrafficLight.Yellow), (czt.ReportingLight, czt.ProgressLight));
        Assert.False(czt.IsRed);
    }

    [Fact]
    public void A_report_sent_back_is_missing_for_the_reporting_light_and_says_nothing_about_progress()
    {
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, ReportStatus.Behind, "2027-01-02T09:00:00+08:00") };
        var sentBack = new ReportReturn(new ReportKey(1, "科技厅", Quarter.Parse("2026Q4")), 1, "进展太笼统", "office", At("2027-01-03T09:00:00+08:00"));
        var row = DigestCalculator.Compute(new DigestInput([Task1], revisions, Shanghai, At("2027-01-12T10:00:00+08:00"), Quarter.Parse("2026Q4"), Returns: [sentBack]))
            .Row(1, "科技厅");
        Assert.Equal((TrafficLight.Red, TrafficLight.Green), (row.ReportingLight, row.ProgressLight));
    }

    [Fact]
    public void The_rule_object_states_the_same_rule()
    {
        var window = Shanghai.WindowFor(Quarter.Parse("2026Q4"));
        var rule = new TrafficLightRule(window, Shanghai, At("2027-01-07T00:00:00+08:00"), 3);
        Assert.Equal(TrafficLight.Yellow, rule.Reporting(submitted: false));
        Assert.Equal(TrafficLight.Green, rule.Reporting(submitted: true));
        Assert.Equal(TrafficLight.Red, new TrafficLightRule(window, Shanghai, At("2027-01-11T00:00:00+08:00"), 3).Reporting(submitted: false));
        Assert.Equal(TrafficLight.Red, rule.Progress(ReportStatus.Completed, true, Ongoing));
        Assert.Equal(TrafficLight.Red, rule.Progress(null, true, Ongoing));
        Assert.Equal(TrafficLight.Green, rule.Progress(null, false, Ongoing));
        Assert.Equal(TrafficLight.Green, rule.Progress(ReportStatus.OnTrack, false, Ongoing));
        Assert.Equal(TrafficLight.Yellow, rule.Progress(ReportStatus.Behind, false, Ongoing));
        Assert.Equal(TrafficLight.Yellow, rule.Progress(ReportStatus.NotStarted, false, Ongoing));
        Assert.Equal(TrafficLight.Green, rule.Progress(ReportStatus.NotStarted, false, StartsIn(2028)));
        Assert.Equal(TrafficLight.Green, TrafficLightRule.ForDepartment([]));
        Assert.Equal(TrafficLight.Yellow, TrafficLightRule.ForDepartment([TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Green]));
        Assert.Equal(TrafficLight.Red, TrafficLightRule.ForDepartment([TrafficLight.Red, TrafficLight.Yellow]));
    }
}
