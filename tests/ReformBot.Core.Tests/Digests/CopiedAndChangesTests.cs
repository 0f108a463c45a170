using ReformBot.Core.Digests;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.Digests.DigestFixture;

namespace ReformBot.Core.Tests.Digests;

/// <summary>Answers copied unchanged from the previous period, and what changed since the last digest.</summary>
public class CopiedAndChangesTests
{
    private const string Now = "2027-01-05T10:00:00+08:00";
    private const string Since = "2027-01-03T00:00:00+08:00";

    private static ReportContent Answer(
        ReportStatus status = ReportStatus.OnTrack, string progress = "已出台实施细则", string problems = "无",
        string next = "继续推进", int? percent = 60, string[]? evidence = null) =>
        new(status, progress, problems, next, percent, (evidence ?? ["https://example.org/a"]).ToList());

    [Fact]
    public void An_answer_equal_to_the_previous_periods_latest_is_flagged_copied()
    {
        var tasks = new[] { Task(1, "科技厅"), Task(2, "科技厅") };
        var revisions = new[]
        {
            Rev(1, "科技厅", "2026Q3", 1, Answer(), "2026-10-05T09:00:00+08:00"),
            Rev(1, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
            Rev(2, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
        };
        var digest = Compute(tasks, revisions, Now, "2026Q4");
        Assert.True(digest.Row(1, "科技厅").CopiedFromPrevious);
        // No previous report: nothing to copy from.
        Assert.False(digest.Row(2, "科技厅").CopiedFromPrevious);
        Assert.Equal(1, digest.Totals.Copied);
        Assert.Equal(1, digest.Department("科技厅").Copied);
    }

    public static TheoryData<ReportContent> OneFieldChanged() =>
    [
        Answer(status: ReportStatus.Behind),
        Answer(progress: "已出台实施细则。"),
        Answer(progress: "已出台实施细则 "),
        Answer(problems: "资金不足"),
        Answer(next: "继续推进落实"),
        Answer(percent: null),
        Answer(percent: 70),
        Answer(evidence: []),
        Answer(evidence: ["https://example.org/a", "https://example.org/b"]),
    ];

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void Any_difference_in_any_answer_is_not_a_copy(ReportContent current)
    {
        var revisions = new[]
        {
            Rev(1, "科技厅", "2026Q3", 1, Answer(), "2026-10-05T09:00:00+08:00"),
            Rev(1, "科技厅", "2026Q4", 1, current, "2027-01-02T09:00:00+08:00"),
        };
        Assert.False(Compute([Task(1, "科技厅")], revisions, Now, "2026Q4").Row(1, "科技厅").CopiedFromPrevious);
    }

    [Fact]
    public void Only_the_latest_revisions_of_both_periods_are_compared()
    {
        var tasks = new[] { Task(1, "科技厅"), Task(2, "科技厅") };
        var revisions = new[]
        {
            // Task 1: copied at first, then edited.
            Rev(1, "科技厅", "2026Q3", 1, Answer(), "2026-10-05T09:00:00+08:00"),
            Rev(1, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
            Rev(1, "科技厅", "2026Q4", 2, Answer(progress: "新进展"), "2027-01-03T09:00:00+08:00"),
            // Task 2: equal to the previous period's first revision, not to its latest.
            Rev(2, "科技厅", "2026Q3", 1, Answer(), "2026-10-05T09:00:00+08:00"),
            Rev(2, "科技厅", "2026Q3", 2, Answer(problems: "资金不足"), "2026-10-06T09:00:00+08:00"),
            Rev(2, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
        };
        var digest = Compute(tasks, revisions, Now, "2026Q4");
        Assert.False(digest.Row(1, "科技厅").CopiedFromPrevious);
        Assert.False(digest.Row(2, "科技厅").CopiedFromPrevious);
    }

    [Fact]
    public void Copies_are_found_across_the_year_end_and_only_from_the_same_department()
    {
        var tasks = new[] { TaskLedByAll(1, Ongoing, "科技厅", "教育厅") };
        var revisions = new[]
        {
            Rev(1, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
            Rev(1, "科技厅", "2027Q1", 1, Answer(), "2027-04-02T09:00:00+08:00"),
            Rev(1, "教育厅", "2027Q1", 1, Answer(), "2027-04-02T09:00:00+08:00"),
            // Two periods back does not count.
            Rev(1, "教育厅", "2026Q3", 1, Answer(), "2026-10-02T09:00:00+08:00"),
        };
        var digest = Compute(tasks, revisions, "2027-04-05T09:00:00+08:00", "2027Q1");
        Assert.True(digest.Row(1, "科技厅").CopiedFromPrevious);
        Assert.False(digest.Row(1, "教育厅").CopiedFromPrevious);
    }

    private static readonly PlanTask[] Seven =
        [Task(1, "科技厅"), Task(2, "科技厅"), Task(3, "科技厅"), Task(4, "财政厅"), Task(5, "教育厅"), Task(6, "教育厅"), Task(7, "教育厅")];

    [Fact]
    public void Changes_since_the_last_digest_are_new_reports_status_changes_and_edits()
    {
        var revisions = new[]
        {
            // 1: status changed after the last digest.
            Rev(1, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
            Rev(1, "科技厅", "2026Q4", 2, Answer(ReportStatus.Behind, problems: "资金不足"), "2027-01-04T09:00:00+08:00"),
            // 2: same status, other answers.
            Rev(2, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
            Rev(2, "科技厅", "2026Q4", 2, Answer(progress: "新进展"), "2027-01-03T09:00:01+08:00"),
            // 3: resubmitted unchanged: not a change.
            Rev(3, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
            Rev(3, "科技厅", "2026Q4", 2, Answer(), "2027-01-04T09:00:00+08:00"),
            // 4: first report after the last digest.
            Rev(4, "财政厅", "2026Q4", 1, Answer(), "2027-01-03T00:00:00.0000001+08:00"),
            // 5: submitted exactly at the last digest: it was in that digest.
            Rev(5, "教育厅", "2026Q4", 1, Answer(), Since),
            // 6: changed after the last digest and changed back: nothing to tell.
            Rev(6, "教育厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
            Rev(6, "教育厅", "2026Q4", 2, Answer(ReportStatus.Behind), "2027-01-04T09:00:00+08:00"),
            Rev(6, "教育厅", "2026Q4", 3, Answer(), "2027-01-04T10:00:00+08:00"),
            // 7: a late report for the previous period is not this period's change.
            Rev(7, "教育厅", "2026Q3", 1, Answer(), "2027-01-04T09:00:00+08:00"),
        };
        var digest = Compute(Seven, revisions, Now, "2026Q4", since: Since);

        Assert.Equal(
            [(4, DigestChangeKind.New, 0, 1), (2, DigestChangeKind.Edited, 1, 2), (1, DigestChangeKind.StatusChanged, 1, 2)],
            digest.Changes.Select(c => (c.TaskNumber, c.Kind, c.Before?.Revision ?? 0, c.After.Revision)));
        Assert.Equal(ReportStatus.OnTrack, digest.Changes[2].Before!.Content.Status);
        Assert.Equal(ReportStatus.Behind, digest.Changes[2].After.Content.Status);
    }

    [Fact]
    public void Without_a_last_digest_every_report_of_the_period_is_new()
    {
        var revisions = new[]
        {
            Rev(2, "科技厅", "2026Q4", 1, Answer(), "2027-01-02T09:00:00+08:00"),
            Rev(2, "科技厅", "2026Q4", 2, Answer(progress: "新进展"), "2027-01-03T09:00:00+08:00"),
            Rev(1, "科技厅", "2026Q4", 1, Answer(), "2026-12-20T09:00:00+08:00"),
            Rev(7, "教育厅", "2026Q3", 1, Answer(), "2027-01-04T09:00:00+08:00"),
        };
        var digest = Compute(Seven, revisions, Now, "2026Q4");
        Assert.Equal(
            [(1, DigestChangeKind.New, 1), (2, DigestChangeKind.New, 2)],
            digest.Changes.Select(c => (c.TaskNumber, c.Kind, c.After.Revision)));
        Assert.All(digest.Changes, c => Assert.Null(c.Before));
    }

    [Fact]
    public void Changes_tie_on_time_by_task_then_department()
    {
        var tasks = new[] { TaskLedByAll(2, Ongoing, "科技厅", "教育厅"), Task(1, "财政厅") };
        const string at = "2027-01-04T09:00:00+08:00";
        var revisions = new[]
        {
            Rev(2, "科技厅", "2026Q4", 1, Answer(), at),
            Rev(2, "教育厅", "2026Q4", 1, Answer(), at),
            Rev(1, "财政厅", "2026Q4", 1, Answer(), at),
        };
        var digest = Compute(tasks, revisions, Now, "2026Q4", since: Since);
        // 教 (U+6559) sorts before 科 (U+79D1) by ordinal.
        Assert.Equal(["1 财政厅", "2 教育厅", "2 科技厅"], digest.Changes.Select(c => $"{c.TaskNumber} {c.Department}"));
    }
}
