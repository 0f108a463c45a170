using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.Digests.DigestFixture;
using static ReformBot.Core.Tests.TestTime;

namespace ReformBot.Core.Tests.Digests;

/// <summary>A report the office sent back (退回) counts as not submitted until a new revision comes.</summary>
public sealed class ReturnedReportTests
{
    private static readonly IReadOnlyList<PlanTask> Tasks = [Task(1, "科技厅"), Task(2, "科技厅")];

    [Fact]
    public void A_returned_report_is_not_submitted_until_the_next_revision()
    {
        var revisions = new List<ReportRevision>
        {
            Rev(1, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2026-12-18T09:00:00+08:00"),
            Rev(2, "科技厅", "2026Q4", 1, ReportStatus.OnTrack, "2026-12-18T09:00:00+08:00"),
        };
        var sentBack = new ReportReturn(new ReportKey(1, "科技厅", Quarter.Parse("2026Q4")), 1, "进展太笼统", "office", At("2026-12-19T09:00:00+08:00"));

        var returned = Compute(revisions, [sentBack]);
        var row = returned.Row(1, "科技厅");
        Assert.Same(sentBack, row.Returned);
        Assert.False(row.Submitted);
        Assert.Null(row.Status);
        Assert.Equal((2, 1), (returned.Totals.Expected, returned.Totals.Submitted));
        Assert.Equal([1], Assert.Single(returned.NotReported).TaskNumbers);
        Assert.Equal([new ReportItem(1, "科技厅")], PendingReports.For(["科技厅"], Tasks, revisions, [sentBack]));

        revisions.Add(Rev(1, "科技厅", "2026Q4", 2, ReportStatus.Behind, "2026-12-20T09:00:00+08:00"));
        var reported = Compute(revisions, [sentBack]);
        Assert.Null(reported.Row(1, "科技厅").Returned);
        Assert.Equal(ReportStatus.Behind, reported.Row(1, "科技厅").Status);
        Assert.Equal(2, reported.Totals.Submitted);
        Assert.Empty(PendingReports.For(["科技厅"], Tasks, revisions, [sentBack]));
    }

    private static Digest Compute(IReadOnlyList<ReportRevision> revisions, IReadOnlyList<ReportReturn> returns) =>
        DigestCalculator.Compute(new DigestInput(Tasks, revisions, Shanghai, At("2026-12-21T10:00:00+08:00"), Quarter.Parse("2026Q4"), Returns: returns));
}
