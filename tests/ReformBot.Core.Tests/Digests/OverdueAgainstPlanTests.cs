using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.Digests.DigestFixture;

namespace ReformBot.Core.Tests.Digests;

/// <summary>Overdue against the plan (due year passed, never reported 已完成), across year ends, in the digest.</summary>
public class OverdueAgainstPlanTests
{
    [Theory]
    [InlineData("2017-12-31T23:59:00+08:00", false)]
    [InlineData("2017-12-31T23:59:59.9999999+08:00", false)]
    [InlineData("2018-01-01T00:00:00+08:00", true)]
    [InlineData("2017-12-31T15:59:59.9999999+00:00", false)]
    [InlineData("2017-12-31T16:00:00+00:00", true)]
    public void A_task_due_in_2017_is_overdue_from_local_new_year_2018(string now, bool overdue)
    {
        var tasks = new[] { Task(1, "科技厅", DueIn(2017)), Task(2, "科技厅") };
        var revisions = new[]
        {
            Rev(1, "科技厅", "2017Q4", 1, ReportStatus.OnTrack, "2017-12-20T09:00:00+08:00"),
            Rev(2, "科技厅", "2017Q4", 1, ReportStatus.OnTrack, "2017-12-20T09:00:00+08:00"),
        };
        var digest = Compute(tasks, revisions, now);

        // Both instants are in the 2017Q4 reporting period, due 2018-01-10.
        Assert.Equal(Quarter.Parse("2017Q4"), digest.Period);
        var row = digest.Row(1, "科技厅");
        Assert.Equal(overdue, row.OverdueAgainstPlan);
        Assert.Equal(overdue ? TrafficLight.Red : TrafficLight.Green, row.ProgressLight);
        Assert.Equal(TrafficLight.Green, row.ReportingLight);
        Assert.Equal(overdue ? [1] : [], digest.OverdueAgainstPlan.Select(r => r.TaskNumber));
        Assert.Equal(overdue ? 1 : 0, digest.Totals.OverdueAgainstPlan);
        Assert.Equal(overdue ? 1 : 0, digest.Department("科技厅").OverdueAgainstPlan);
        Assert.Equal(overdue ? TrafficLight.Red : TrafficLight.Green, digest.Department("科技厅").ProgressLight);
        Assert.False(digest.Row(2, "科技厅").OverdueAgainstPlan);
    }

    [Theory]
    // Completed in an earlier period, in a later period than the digest's, or in a revision later
    // corrected: the plan's rule asks whether any report of the lead department ever said 已完成.
    [InlineData("2019Q2", false)]
    [InlineData("2021Q1", false)]
    [InlineData("2019Q4", true)]
    public void Any_report_of_the_lead_ever_marking_the_task_completed_clears_it(string period, bool corrected)
    {
        var tasks = new[] { Task(1, "科技厅", DueIn(2019)) };
        var revisions = new List<ReportRevision> { Rev(1, "科技厅", period, 1, ReportStatus.Completed, "2020-01-05T09:00:00+08:00") };
        if (corrected) revisions.Add(Rev(1, "科技厅", period, 2, ReportStatus.Behind, "2020-01-06T09:00:00+08:00"));

        var digest = Compute(tasks, revisions, "2022-01-05T09:00:00+08:00", "2019Q4");
        Assert.Empty(digest.OverdueAgainstPlan);
        Assert.All(digest.Tasks, r => Assert.False(r.OverdueAgainstPlan));
    }

    [Fact]
    public void With_several_leads_one_leads_completion_completes_its_own_part_only()
    {
        // 按职能分别牵头: each lead's part is its own.
        var tasks = new[] { TaskLedByAll(1, DueIn(2019), "科技厅", "教育厅") };
        var revisions = new[] { Rev(1, "教育厅", "2019Q4", 1, ReportStatus.Completed, "2020-01-05T09:00:00+08:00") };

        var digest = Compute(tasks, revisions, "2022-01-05T09:00:00+08:00", "2019Q4");

        Assert.Equal(["科技厅"], digest.OverdueAgainstPlan.Select(r => r.Department));
        Assert.True(digest.Row(1, "科技厅").OverdueAgainstPlan);
        Assert.False(digest.Row(1, "教育厅").OverdueAgainstPlan);
        Assert.Equal(TrafficLight.Red, digest.Department("科技厅").ProgressLight);
        Assert.Equal(TrafficLight.Green, digest.Department("教育厅").ProgressLight);
        Assert.Equal(0, digest.Department("教育厅").OverdueAgainstPlan);
    }

    [Fact]
    public void Reports_other_than_completed_do_not_clear_it_and_every_lead_row_is_listed()
    {
        var tasks = new[] { TaskLedByAll(1, DueIn(2019), "科技厅", "教育厅") };
        var revisions = new[]
        {
            Rev(1, "科技厅", "2019Q4", 1, ReportStatus.OnTrack, "2020-01-05T09:00:00+08:00"),
            Rev(1, "教育厅", "2021Q4", 1, ReportStatus.Behind, "2022-01-05T09:00:00+08:00"),
        };
        var digest = Compute(tasks, revisions, "2022-01-06T09:00:00+08:00");
        Assert.Equal(Quarter.Parse("2021Q4"), digest.Period);
        Assert.Equal(["科技厅", "教育厅"], digest.OverdueAgainstPlan.Select(r => r.Department));
        Assert.All(digest.Tasks, r => Assert.Equal(TrafficLight.Red, r.ProgressLight));
        Assert.Equal(2, digest.Totals.OverdueAgainstPlan);
    }

    [Theory]
    [InlineData("2016年已完成")]
    [InlineData("持续推进")]
    [InlineData("")]
    public void Tasks_without_an_open_due_year_are_never_overdue(string scheduleText)
    {
        var schedule = scheduleText switch
        {
            "2016年已完成" => DoneIn(2016),
            "持续推进" => Ongoing,
            _ => Schedule.Empty,
        };
        var digest = Compute([Task(1, "科技厅", schedule)], [], "2030-01-05T09:00:00+08:00");
        Assert.Empty(digest.OverdueAgainstPlan);
    }

    [Theory]
    [InlineData(2026, "2026-12-31T23:59:59+08:00", false)]
    [InlineData(2026, "2027-01-01T00:00:00+08:00", true)]
    [InlineData(2026, "2027-01-11T00:00:00+08:00", true)]
    [InlineData(2027, "2027-01-11T00:00:00+08:00", false)]
    public void In_a_Q4_period_the_due_year_can_pass_before_the_report_is_due(int dueYear, string now, bool overdue)
    {
        // 2026Q4 is reported until 2027-01-10, in the new year: a task due in 2026 and reported on track
        // is overdue from 2027-01-01 even though its 2026Q4 report was on time.
        var tasks = new[] { Task(1, "科技厅", DueIn(dueYear)) };
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2026-12-20T09:00:00+08:00") };
        var digest = Compute(tasks, revisions, now);
        Assert.Equal(Quarter.Parse("2026Q4"), digest.Period);
        Assert.Equal(overdue, digest.Row(1, "科技厅").OverdueAgainstPlan);
        Assert.Equal(overdue ? TrafficLight.Red : TrafficLight.Green, digest.Row(1, "科技厅").ProgressLight);
    }

    [Fact]
    public void A_Q4_report_of_completion_submitted_in_January_clears_the_task()
    {
        var tasks = new[] { Task(1, "科技厅", DueIn(2026)) };
        var revisions = new[]
        {
            Rev(1, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2026-12-20T09:00:00+08:00"),
            Rev(1, "科技厅", "2026Q4", 2, ReportStatus.Completed, "2027-01-08T09:00:00+08:00"),
        };
        Assert.True(Compute(tasks, revisions[..1], "2027-01-09T00:00:00+08:00").Row(1, "科技厅").OverdueAgainstPlan);
        var digest = Compute(tasks, revisions, "2027-01-09T00:00:00+08:00");
        Assert.False(digest.Row(1, "科技厅").OverdueAgainstPlan);
        Assert.Equal(TrafficLight.Green, digest.Row(1, "科技厅").ProgressLight);
    }

    [Fact]
    public void A_Q4_period_straddles_the_year_end_for_lights()
    {
        var tasks = new[] { Task(1, "科技厅") };
        // 2026Q4 is current from 2026-12-17 until 2027Q1's window opens on 2027-03-17.
        var dec = Compute(tasks, [], "2026-12-31T23:00:00+08:00");
        var jan = Compute(tasks, [], "2027-01-08T00:00:00+08:00");
        var late = Compute(tasks, [], "2027-03-16T23:59:59+08:00");
        Assert.All(new[] { dec, jan, late }, d => Assert.Equal(Quarter.Parse("2026Q4"), d.Period));
        Assert.All(new[] { dec, jan, late }, d => Assert.Equal(new DateOnly(2027, 1, 10), d.Window.DueDate));
        Assert.Equal(
            [TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red],
            new[] { dec, jan, late }.Select(d => d.Row(1, "科技厅").ReportingLight));
    }
}
