using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.Digests.DigestFixture;
using static ReformBot.Core.Tests.TestTime;

namespace ReformBot.Core.Tests.Digests;

/// <summary>
/// The light rule at its boundaries. 2026Q4 is due on 2027-01-10 (Asia/Shanghai); its deadline is
/// 2027-01-11T00:00+08:00. With the default 3 due-soon days, a missing report turns yellow on 2027-01-07.
/// </summary>
public class TrafficLightTests
{
    private static readonly PlanTask Task1 = Task(1, "科技厅");

    private static TrafficLight MissingLight(string now, int dueSoonDays = 3, ReportingCalendar? calendar = null) =>
        Compute([Task1], [], now, period: "2026Q4", options: new DigestOptions(dueSoonDays), calendar: calendar)
            .Row(1, "科技厅").Light;

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
    public void A_missing_report_is_green_then_yellow_from_N_days_before_the_due_date_then_red_after_it(string now, TrafficLight light) =>
        Assert.Equal(light, MissingLight(now));

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
    public void A_report_takes_its_status_light_before_and_after_the_due_date(ReportStatus status, TrafficLight light)
    {
        // Submitted late, looked at long after the due date: a report is never red for lateness.
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, status, "2027-02-01T09:00:00+08:00") };
        Assert.Equal(light, Compute([Task1], revisions, "2027-03-01T00:00:00+08:00", "2026Q4").Row(1, "科技厅").Light);
        Assert.Equal(light, Compute([Task1], revisions, "2027-02-01T10:00:00+08:00", "2026Q4").Row(1, "科技厅").Light);
    }

    [Theory]
    [InlineData(2026, TrafficLight.Yellow)]
    [InlineData(2027, TrafficLight.Yellow)]
    [InlineData(2028, TrafficLight.Green)]
    public void Not_started_is_green_only_before_the_schedules_start_year(int startYear, TrafficLight light)
    {
        var task = Task(1, "科技厅", StartsIn(startYear));
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, ReportStatus.NotStarted, "2027-01-05T09:00:00+08:00") };
        Assert.Equal(light, Compute([task], revisions, "2027-01-06T00:00:00+08:00", "2026Q4").Row(1, "科技厅").Light);
    }

    [Fact]
    public void Overdue_against_the_plan_is_red_whatever_the_report_says()
    {
        var task = Task(1, "科技厅", DueIn(2025));
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-05T09:00:00+08:00") };
        var row = Compute([task], revisions, "2027-01-06T00:00:00+08:00", "2026Q4").Row(1, "科技厅");
        Assert.True(row.OverdueAgainstPlan);
        Assert.Equal(TrafficLight.Red, row.Light);
    }

    [Fact]
    public void A_department_is_as_bad_as_its_worst_task()
    {
        var tasks = new[] { Task(1, "科技厅"), Task(2, "科技厅"), Task(3, "科技厅"), Task(4, "财政厅") };
        var revisions = new[]
        {
            Rev(1, "科技厅", "2026Q4", 1, ReportStatus.Completed, "2027-01-02T09:00:00+08:00"),
            Rev(2, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
            Rev(4, "财政厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
        };
        // Task 3 missing: green early, yellow when due soon, red after: 3 of 4 submitted, the department follows.
        Assert.Equal(TrafficLight.Green, Compute(tasks, revisions, "2027-01-03T00:00:00+08:00").Department("科技厅").Light);
        Assert.Equal(TrafficLight.Yellow, Compute(tasks, revisions, "2027-01-08T00:00:00+08:00").Department("科技厅").Light);
        var late = Compute(tasks, revisions, "2027-01-11T00:00:00+08:00");
        Assert.Equal(TrafficLight.Red, late.Department("科技厅").Light);
        Assert.Equal(new LightCounts(1, 0, 2), late.Department("科技厅").Lights);
        Assert.Equal(TrafficLight.Green, late.Department("财政厅").Light);
    }

    [Fact]
    public void The_rule_object_states_the_same_rule()
    {
        var window = Shanghai.WindowFor(Quarter.Parse("2026Q4"));
        var rule = new TrafficLightRule(window, Shanghai, At("2027-01-07T00:00:00+08:00"), 3);
        Assert.Equal(TrafficLight.Yellow, rule.ForTask(null, false, Ongoing));
        Assert.Equal(TrafficLight.Red, rule.ForTask(ReportStatus.Completed, true, Ongoing));
        Assert.Equal(TrafficLight.Green, rule.ForTask(ReportStatus.OnTrack, false, Ongoing));
        Assert.Equal(TrafficLight.Green, TrafficLightRule.ForDepartment([]));
        Assert.Equal(TrafficLight.Yellow, TrafficLightRule.ForDepartment([TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Green]));
        Assert.Equal(TrafficLight.Red, TrafficLightRule.ForDepartment([TrafficLight.Red, TrafficLight.Yellow]));
    }
}
