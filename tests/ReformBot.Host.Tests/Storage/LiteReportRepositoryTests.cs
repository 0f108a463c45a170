using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

public sealed class LiteReportRepositoryTests : IDisposable
{
    private static readonly ReportKey Key = new(61, "新疆银监局", Quarter.Parse("2026Q4"));
    private static readonly DateTimeOffset At = new(2026, 12, 20, 9, 30, 15, 123, TimeSpan.FromHours(8));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_report_round_trips_exactly_through_a_reopened_file()
    {
        var content = new ReportContent(
            ReportStatus.Behind,
            Progress: "  已完成调研；\n  起草中 \t",
            Problems: "",
            NextSteps: "全角　空格、emoji 😀、\"引号\"、\r\n换行",
            Percent: 0,
            Evidence: ["https://example.org/a?b=1&c=2", " "]);
        var submittedAt = At.AddTicks(4567); // below a millisecond: BSON dates would lose it

        using (var store = new LiteDbStore(_dir.DatabasePath))
            new LiteReportRepository(store).Append(Key, content, "contact-1", submittedAt, late: true);

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var stored = Assert.Single(new LiteReportRepository(reopened).History(Key));
        Assert.Equal(Key, stored.Key);
        Assert.Equal(1, stored.Revision);
        Assert.True(content.SameAs(stored.Content));
        Assert.Equal("contact-1", stored.SubmittedBy);
        Assert.Equal(submittedAt, stored.SubmittedAt);
        Assert.Equal(submittedAt.Offset, stored.SubmittedAt.Offset);
        Assert.True(stored.Late);
    }

    [Fact]
    public void A_revision_is_forced_to_disk_before_it_is_acknowledged()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var before = store.FlushesStarted;

        new LiteReportRepository(store).Append(Key, Content(ReportStatus.OnTrack, "进展"), "contact-1", At, late: false);

        Assert.Equal(before + 1, store.FlushesStarted);
    }

    [Fact]
    public void Every_revision_is_kept_and_numbered_in_order()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var reports = new LiteReportRepository(store);

        foreach (var (status, i) in new[] { ReportStatus.NotStarted, ReportStatus.OnTrack, ReportStatus.Completed }.Select((s, i) => (s, i)))
            reports.Append(Key, Content(status, $"第{i + 1}稿"), "contact-1", At.AddHours(i), late: false);
        reports.Append(Key with { Department = "中国人民银行乌鲁木齐中心支行" }, Content(ReportStatus.OnTrack, "另一部门"), "contact-2", At, late: false);

        var history = reports.History(Key);
        Assert.Equal([1, 2, 3], history.Select(r => r.Revision));
        Assert.Equal(["第1稿", "第2稿", "第3稿"], history.Select(r => r.Content.Progress));
        Assert.Equal(4, reports.ForPeriod(Key.Period).Count);
        Assert.Empty(reports.ForPeriod(Key.Period.Previous()));
        // Several reports at once: each report's revisions in order, none of a report not asked for.
        var other = Key with { Department = "中国人民银行乌鲁木齐中心支行" };
        var both = reports.History(Key with { Period = Key.Period.Previous() }, other, Key, Key);
        Assert.Equal([(other, 1), (Key, 1), (Key, 2), (Key, 3)], both.Select(r => (r.Key, r.Revision)).OrderBy(p => p.Key == Key).ThenBy(p => p.Revision));
        Assert.Empty(reports.History([]));
    }

    [Fact]
    public void Concurrent_submissions_of_one_report_get_distinct_consecutive_revisions()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var reports = new LiteReportRepository(store);

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => reports.Append(Key, Content(ReportStatus.OnTrack, $"并发{i}"), $"contact-{i % 2}", At, late: false));

        var history = reports.History(Key);
        Assert.Equal(Enumerable.Range(1, 40), history.Select(r => r.Revision));
        Assert.Equal(40, history.Select(r => r.Content.Progress).Distinct().Count());
    }

    private static ReportContent Content(ReportStatus status, string progress) => new(status, progress, "无", "继续推进", null, []);
}
