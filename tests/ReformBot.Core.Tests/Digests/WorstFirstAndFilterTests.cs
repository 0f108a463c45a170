using ReformBot.Core.Digests;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.Digests.DigestFixture;

namespace ReformBot.Core.Tests.Digests;

/// <summary>Departments worst first, and the department, period and overdue-only filters.</summary>
public class WorstFirstAndFilterTests
{
    /// <summary>A department with both lights <paramref name="light"/>, or with a progress light of its own.</summary>
    private static DigestDepartmentRow Dept(string name, TrafficLight light, int expected, int submitted, int overdue = 0, TrafficLight? progress = null) =>
        new(name, expected, submitted, light, progress ?? light, new StatusBreakdown(0, submitted, 0, 0, expected - submitted), default, default, 0, overdue);

    private static string[] Sorted(params DigestDepartmentRow[] rows) =>
        rows.Order(DigestDepartmentRow.WorstFirst).Select(r => r.Department).ToArray();

    [Fact]
    public void Red_before_yellow_before_green_whatever_the_rate() =>
        Assert.Equal(["R", "Y", "G"], Sorted(
            Dept("G", TrafficLight.Green, 10, 0), Dept("Y", TrafficLight.Yellow, 10, 5), Dept("R", TrafficLight.Red, 10, 10)));

    [Fact]
    public void The_worse_of_the_two_lights_counts_whichever_it_is_then_the_other_one() =>
        // Reporting red and progress red weigh the same; a department red on both comes before one red on one.
        Assert.Equal(["RR", "RG", "GR", "YY", "GY"], Sorted(
            Dept("GY", TrafficLight.Green, 10, 0, progress: TrafficLight.Yellow),
            Dept("GR", TrafficLight.Green, 10, 9, progress: TrafficLight.Red),
            Dept("YY", TrafficLight.Yellow, 10, 0),
            Dept("RG", TrafficLight.Red, 10, 5, progress: TrafficLight.Green),
            Dept("RR", TrafficLight.Red, 10, 10)));

    [Fact]
    public void Then_the_lower_rate_compared_exactly() =>
        // 1/3 = 2/6 < 3/5 < 2/3; equal rates fall through to the next keys: 2/6 misses 4, 1/3 misses 2.
        Assert.Equal(["d", "b", "c", "a"], Sorted(
            Dept("a", TrafficLight.Yellow, 3, 2), Dept("b", TrafficLight.Yellow, 3, 1),
            Dept("c", TrafficLight.Yellow, 5, 3), Dept("d", TrafficLight.Yellow, 6, 2)));

    [Fact]
    public void Then_more_overdue_against_the_plan_then_more_missing_then_the_name_ordinal() =>
        Assert.Equal(["o2", "o1-big", "o1", "B", "a"], Sorted(
            Dept("a", TrafficLight.Red, 2, 1, overdue: 0),
            Dept("B", TrafficLight.Red, 2, 1, overdue: 0),
            Dept("o1", TrafficLight.Red, 2, 1, overdue: 1),
            Dept("o1-big", TrafficLight.Red, 4, 2, overdue: 1),
            Dept("o2", TrafficLight.Red, 2, 1, overdue: 2)));

    private const string Now = "2027-01-11T10:00:00+08:00"; // after 2026Q4's due date: missing reports are red

    private static readonly PlanTask[] Tasks =
    [
        Task(1, "科技厅", Ongoing, "财政厅"),
        Task(2, "科技厅"),
        Task(3, "财政厅", Ongoing, "科技厅"),
        Task(4, "财政厅"),
        Task(5, "教育厅"),
        Task(6, "教育厅"),
        Task(7, "人社厅"),
        Task(8, "人社厅", DueIn(2025)),
    ];

    private static readonly ReportRevision[] Revisions =
    [
        Rev(1, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
        Rev(2, "科技厅", "2026Q4", 1, Content(ReportStatus.Behind, problems: "人手不足"), "2027-01-02T09:00:00+08:00"),
        Rev(3, "财政厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
        Rev(5, "教育厅", "2026Q4", 1, ReportStatus.Completed, "2027-01-02T09:00:00+08:00"),
        Rev(6, "教育厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
        Rev(7, "人社厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
        Rev(8, "人社厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
        // A supporting department's report, and another period's.
        Rev(3, "科技厅", "2026Q4", 1, ReportStatus.Behind, "2027-01-02T09:00:00+08:00"),
        Rev(4, "财政厅", "2026Q3", 1, ReportStatus.OnTrack, "2026-10-02T09:00:00+08:00"),
    ];

    [Fact]
    public void Departments_come_worst_first_in_a_digest()
    {
        var digest = Compute(Tasks, Revisions, Now, "2026Q4");
        // 财政厅 reporting red (task 4 missing), rate 1/2; 人社厅 progress red (task 8 overdue), rate 1;
        // 科技厅 progress yellow (滞后); 教育厅 green.
        Assert.Equal(["财政厅", "人社厅", "科技厅", "教育厅"], digest.Departments.Select(d => d.Department));
        Assert.Equal(
            [(TrafficLight.Red, TrafficLight.Green), (TrafficLight.Green, TrafficLight.Red), (TrafficLight.Green, TrafficLight.Yellow), (TrafficLight.Green, TrafficLight.Green)],
            digest.Departments.Select(d => (d.ReportingLight, d.ProgressLight)));
    }

    [Fact]
    public void A_department_filter_keeps_only_that_departments_lead_reports_everywhere()
    {
        var all = Compute(Tasks, Revisions, Now, "2026Q4", since: "2027-01-01T00:00:00+08:00");
        var digest = Compute(Tasks, Revisions, Now, "2026Q4", since: "2027-01-01T00:00:00+08:00", filter: new DigestFilter("科技厅"));

        // Task 3, which 科技厅 supports, is not its report.
        Assert.Equal([1, 2], digest.Tasks.Select(r => r.TaskNumber));
        Assert.Equal((2, 2), (digest.Totals.Expected, digest.Totals.Submitted));
        Assert.Equal(new StatusBreakdown(0, 1, 1, 0, 0), digest.Totals.Statuses);
        Assert.Equal(["科技厅"], digest.Departments.Select(d => d.Department));
        Assert.Equal(all.Department("科技厅"), digest.Department("科技厅"));
        Assert.Equal([2], digest.Behind.Select(r => r.TaskNumber));
        Assert.Empty(digest.NotReported);
        Assert.Empty(digest.OverdueAgainstPlan);
        Assert.Equal([1, 2], digest.Changes.Select(c => c.TaskNumber));
        Assert.Equal(7, all.Changes.Count);
    }

    [Fact]
    public void A_department_filter_compares_names_exactly()
    {
        var digest = Compute(Tasks, Revisions, Now, "2026Q4", filter: new DigestFilter("自治区科技厅"));
        Assert.Equal(0, digest.Totals.Expected);
        Assert.Empty(digest.Departments);
    }

    [Fact]
    public void Overdue_only_keeps_task_rows_with_a_red_light_and_changes_nothing_else()
    {
        var all = Compute(Tasks, Revisions, Now, "2026Q4");
        var digest = Compute(Tasks, Revisions, Now, "2026Q4", filter: new DigestFilter(OverdueOnly: true));

        Assert.Equal([4, 8], digest.Tasks.Select(r => r.TaskNumber));
        // Task 4 missing after the due date (reporting red), task 8 overdue against the plan (progress red).
        Assert.Equal([(TrafficLight.Red, TrafficLight.Green), (TrafficLight.Green, TrafficLight.Red)], digest.Tasks.Select(r => (r.ReportingLight, r.ProgressLight)));
        Assert.Equal(all.Tasks.Where(r => r.ReportingLight == TrafficLight.Red || r.ProgressLight == TrafficLight.Red), digest.Tasks);
        Assert.Equal(all.Totals, digest.Totals);
        Assert.Equal(all.Departments, digest.Departments);
        Assert.Equal(all.Behind, digest.Behind);
        Assert.Equal(all.OverdueAgainstPlan, digest.OverdueAgainstPlan);
        Assert.Equal(all.NotReported.Select(d => d.Department), digest.NotReported.Select(d => d.Department));
    }

    [Fact]
    public void Filters_combine()
    {
        var digest = Compute(Tasks, Revisions, Now, "2026Q4", filter: new DigestFilter("财政厅", OverdueOnly: true));
        Assert.Equal(["4 财政厅"], digest.Tasks.Select(r => $"{r.TaskNumber} {r.Department}"));
        Assert.Equal((2, 1), (digest.Totals.Expected, digest.Totals.Submitted));
    }

    [Fact]
    public void A_past_period_is_judged_now()
    {
        // 2026Q3: only task 4 of 财政厅 was reported; every other report is missing and long past due.
        var digest = Compute(Tasks, Revisions, Now, "2026Q3");
        Assert.Equal((8, 1), (digest.Totals.Expected, digest.Totals.Submitted));
        Assert.Equal(new LightCounts(Red: 7, Yellow: 0, Green: 1), digest.Totals.ReportingLights);
        // Progress: only task 8 (due 2025, never 已完成) is red; missing reports say nothing about progress.
        Assert.Equal(new LightCounts(Red: 1, Yellow: 0, Green: 7), digest.Totals.ProgressLights);
        Assert.Equal(TrafficLight.Green, digest.Row(4, "财政厅").ReportingLight);
    }
}
