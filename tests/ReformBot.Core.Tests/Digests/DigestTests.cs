using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.Digests.DigestFixture;

namespace ReformBot.Core.Tests.Digests;

/// <summary>What is expected, what counts as submitted, and the lists of the digest.</summary>
public class DigestTests
{
    private const string Now = "2027-01-05T10:00:00+08:00";

    private static readonly PlanTask[] Tasks =
    [
        Task(1, "科技厅", Ongoing, "财政厅"),
        Task(2, "科技厅"),
        TaskLedByAll(3, Ongoing, "科技厅", "教育厅"),
        Task(4, "财政厅", null, "科技厅"),
        Task(5, "教育厅"),
    ];

    [Fact]
    public void Every_lead_pair_is_expected_and_support_departments_are_not()
    {
        var digest = Compute(Tasks, [], Now, "2026Q4");
        Assert.Equal(6, digest.Totals.Expected);
        Assert.Equal(
            ["1 科技厅", "2 科技厅", "3 科技厅", "3 教育厅", "4 财政厅", "5 教育厅"],
            digest.Tasks.Select(r => $"{r.TaskNumber} {r.Department}"));
        Assert.Equal(["教育厅", "科技厅", "财政厅"], digest.Departments.Select(d => d.Department).Order(StringComparer.Ordinal));
        Assert.Equal(3, digest.Department("科技厅").Expected);
    }

    [Fact]
    public void Submitted_counts_pairs_with_a_revision_of_the_period_by_its_latest_revision()
    {
        var revisions = new[]
        {
            // Input order does not matter: the highest revision number is the latest.
            Rev(1, "科技厅", "2026Q4", 2, ReportStatus.Behind, "2027-01-03T09:00:00+08:00"),
            Rev(1, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
            Rev(3, "教育厅", "2026Q4", 1, ReportStatus.Completed, "2027-01-02T09:00:00+08:00"),
            Rev(5, "教育厅", "2026Q4", 1, ReportStatus.NotStarted, "2027-01-02T09:00:00+08:00"),
            // Not counted: another period, a supporting department, a task not in the plan, an unknown department.
            Rev(2, "科技厅", "2026Q3", 1, ReportStatus.OnTrack, "2026-10-02T09:00:00+08:00"),
            Rev(2, "科技厅", "2027Q1", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
            Rev(4, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
            Rev(99, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
            Rev(5, "财政厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
        };
        var digest = Compute(Tasks, revisions, Now, "2026Q4");

        Assert.Equal(6, digest.Totals.Expected);
        Assert.Equal(3, digest.Totals.Submitted);
        Assert.Equal(3, digest.Totals.NotSubmitted);
        Assert.Equal(0.5, digest.Totals.Rate);
        Assert.Equal(new StatusBreakdown(Completed: 1, OnTrack: 0, Behind: 1, NotStarted: 1, NotSubmitted: 3), digest.Totals.Statuses);
        Assert.Equal(2, digest.Row(1, "科技厅").Latest!.Revision);
        Assert.Equal(ReportStatus.Behind, digest.Row(1, "科技厅").Status);
        Assert.Null(digest.Row(2, "科技厅").Latest);

        var education = digest.Department("教育厅");
        Assert.Equal((2, 2, 1.0), (education.Expected, education.Submitted, education.Rate));
        Assert.Equal(new StatusBreakdown(1, 0, 0, 1, 0), education.Statuses);
        var science = digest.Department("科技厅");
        Assert.Equal((3, 1), (science.Expected, science.Submitted));
        Assert.Equal(1.0 / 3, science.Rate);
        Assert.Equal(new StatusBreakdown(0, 0, 1, 0, 2), science.Statuses);
    }

    [Fact]
    public void Behind_tasks_quote_their_problems_exactly()
    {
        var revisions = new[]
        {
            Rev(1, "科技厅", "2026Q4", 1, Content(ReportStatus.Behind, problems: "  资金未到位；\n人员不足 "), "2027-01-02T09:00:00+08:00"),
            Rev(3, "教育厅", "2026Q4", 1, Content(ReportStatus.Behind, problems: "无"), "2027-01-02T09:00:00+08:00"),
            // Behind in the first revision only: the latest says on track.
            Rev(5, "教育厅", "2026Q4", 1, Content(ReportStatus.Behind, problems: "旧问题"), "2027-01-02T09:00:00+08:00"),
            Rev(5, "教育厅", "2026Q4", 2, Content(ReportStatus.OnTrack), "2027-01-03T09:00:00+08:00"),
        };
        var digest = Compute(Tasks, revisions, Now, "2026Q4");
        Assert.Equal(
            [(1, "科技厅", "  资金未到位；\n人员不足 "), (3, "教育厅", "无")],
            digest.Behind.Select(r => (r.TaskNumber, r.Department, r.Problems!)));
    }

    [Fact]
    public void Not_reported_lists_each_department_missing_a_report_with_its_tasks()
    {
        var revisions = new[] { Rev(1, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00") };
        var digest = Compute(Tasks, revisions, Now, "2026Q4");
        Assert.Equal(
            ["教育厅 3,5 none", "科技厅 2,3 some", "财政厅 4 none"],
            digest.NotReported.Select(d => $"{d.Department} {string.Join(",", d.TaskNumbers)} {(d.NothingReported ? "none" : "some")}"));
    }

    [Fact]
    public void The_period_defaults_to_the_current_one()
    {
        // 2027-01-05: the 2027Q1 window has not opened, so 2026Q4 is current; on 2027-03-17 2027Q1 opens.
        Assert.Equal(Quarter.Parse("2026Q4"), Compute(Tasks, [], Now).Period);
        Assert.Equal(Quarter.Parse("2027Q1"), Compute(Tasks, [], "2027-03-17T00:00:00+08:00").Period);
        Assert.Equal(Shanghai.WindowFor(Quarter.Parse("2026Q4")), Compute(Tasks, [], Now).Window);
    }

    [Fact]
    public void Nothing_expected_is_an_empty_digest()
    {
        var digest = Compute([], [Rev(1, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00")], Now);
        Assert.Equal((0, 0, 1.0), (digest.Totals.Expected, digest.Totals.Submitted, digest.Totals.Rate));
        Assert.Empty(digest.Departments);
        Assert.Empty(digest.Tasks);
        Assert.Empty(digest.NotReported);
        Assert.Empty(digest.Changes);
    }

    [Fact]
    public void Duplicate_task_numbers_are_refused() =>
        Assert.Throws<ArgumentException>(() => Compute([Task(1, "科技厅"), Task(1, "财政厅")], [], Now));

    [Fact]
    public void A_department_listed_twice_as_lead_is_expected_once()
    {
        var task = new PlanTask(1, "任务1",
            [new("科技厅", DepartmentRole.Lead), new("科技厅", DepartmentRole.Lead), new("财政厅", DepartmentRole.Support)], Ongoing);
        Assert.Equal(1, Compute([task], [], Now).Totals.Expected);
    }

    [Fact]
    public void Equal_inputs_give_equal_digests_in_the_same_order()
    {
        var revisions = new[]
        {
            Rev(1, "科技厅", "2026Q4", 1, ReportStatus.Behind, "2027-01-02T09:00:00+08:00"),
            Rev(4, "财政厅", "2026Q4", 1, ReportStatus.OnTrack, "2027-01-02T09:00:00+08:00"),
        };
        var a = Compute(Tasks, revisions, Now, since: "2027-01-01T00:00:00+08:00");
        var b = Compute(Tasks.Reverse().ToArray(), revisions.Reverse().ToArray(), Now, since: "2027-01-01T00:00:00+08:00");
        Assert.Equal(a.Totals, b.Totals);
        Assert.Equal(a.Departments, b.Departments);
        Assert.Equal(a.Tasks, b.Tasks);
        Assert.Equal(a.Changes, b.Changes);
        Assert.Equal(a.NotReported.Select(d => d.Department), b.NotReported.Select(d => d.Department));
    }
}
