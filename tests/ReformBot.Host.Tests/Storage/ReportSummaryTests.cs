using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Host.Digests;
using ReformBot.Host.Periods;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

/// <summary>
/// The per (task, department) summaries kept on append: the reads built on them answer as the whole
/// history would, and a database from before them gets them at open.
/// </summary>
public sealed class ReportSummaryTests : IDisposable
{
    private static readonly Quarter Q4 = DigestScenario.Q4;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_digest_from_the_summaries_equals_the_digest_from_every_revision()
    {
        using var store = new TestStore(_dir.DatabasePath);
        var pairs = LeadPairs(store);
        AppendHistory(store.Reports, pairs, new Random(7), revisions: 1500);
        var time = new FakeTimeProvider(DigestScenario.Now);
        var service = new DigestService(store.Plans, store.Reports, new ReportingPeriods(store.Calendar, new LiteSettingsRepository(store.Store), time), time);
        var since = DigestScenario.Now.AddDays(-7);

        foreach (var (period, filter, at) in new (Quarter, DigestFilter?, DateTimeOffset?)[]
                 {
                     (Q4, null, since), (Q4, null, null), (Q4.Previous(), null, since), (Q4, new DigestFilter("科技厅"), since),
                     (Q4, new DigestFilter(OverdueOnly: true), since),
                 })
        {
            var fromHistory = DigestCalculator.Compute(new DigestInput(store.Plans.Tasks(), store.Reports.All(), store.Calendar,
                DigestScenario.Now, period, at, filter, Returns: store.Reports.ReturnsForPeriod(period)));
            var fromSummaries = service.Compute(period, filter, at);
            Assert.Equal(Describe(fromHistory), Describe(fromSummaries));
        }
    }

    [Fact]
    public void Latest_revisions_and_completions_match_the_history()
    {
        using var store = new TestStore(_dir.DatabasePath);
        var pairs = LeadPairs(store, 30);
        AppendHistory(store.Reports, pairs, new Random(11), revisions: 400);
        AssertSummariesMatchHistory(store.Reports);
    }

    [Fact]
    public void The_revision_in_force_at_a_moment_is_the_latest_submitted_by_then()
    {
        using var store = new TestStore(_dir.DatabasePath);
        var pairs = LeadPairs(store, 30);
        AppendHistory(store.Reports, pairs, new Random(13), revisions: 400);
        var all = store.Reports.All();
        var keys = all.Select(r => r.Key).Distinct().ToList();

        var moments = all.Select(r => r.SubmittedAt).Order().ToList();
        foreach (var at in new[] { moments[0].AddTicks(-1), moments[0], moments[moments.Count / 3], moments[moments.Count / 2].AddTicks(1), moments[^1] })
        {
            var expected = all.Where(r => r.SubmittedAt <= at).GroupBy(r => r.Key).Select(g => Id(g.MaxBy(r => r.Revision)!)).ToList();
            var inForce = store.Reports.InForceAt(at, keys).Select(Id).ToList();
            Assert.Equal(expected.Count, inForce.Count);
            Assert.Equal(expected.ToHashSet(), inForce.ToHashSet());
        }
        Assert.Empty(store.Reports.InForceAt(moments[^1]));
    }

    [Fact]
    public void The_revision_in_force_a_little_later_is_known_without_reading_the_revisions_again()
    {
        using var store = new TestStore(_dir.DatabasePath);
        var key = new ReportKey(1, "科技厅", Q4);
        var start = DigestScenario.Now.AddDays(-20);
        for (var i = 0; i < 40; i++)
            store.Reports.Append(key, DigestScenario.Content(ReportStatus.OnTrack, $"进展 {i}"), "c", start.AddHours(i * 12), late: false);
        var weekAgo = DigestScenario.Now.AddDays(-7);
        var inForce = store.Reports.InForceAt(weekAgo, key).Single();
        Assert.Equal(27, inForce.Revision);

        // 周报 a minute later, and the weekly digest: the revisions are not read again while the answer holds.
        store.Store.Reports.DeleteAll();
        Assert.Equal(Id(inForce), Id(store.Reports.InForceAt(weekAgo.AddMinutes(1), key).Single()));
        Assert.Equal(Id(inForce), Id(new LiteReportRepository(store.Store).InForceAt(inForce.SubmittedAt, key).Single()));
        Assert.Throws<InvalidOperationException>(() => store.Reports.InForceAt(weekAgo.AddDays(1), key));
    }

    [Fact]
    public void A_database_from_before_the_summaries_gets_them_at_open_and_numbering_goes_on()
    {
        var key = new ReportKey(1, "科技厅", Q4);
        using (var store = new TestStore(_dir.DatabasePath))
        {
            // Revisions as an earlier version stored them: no summary beside them.
            var random = new Random(3);
            var pairs = LeadPairs(store, 20);
            var revisions = RandomHistory(pairs, random, revisions: 200).Where(r => r.Key != key).ToList();
            revisions.Add(new ReportRevision(key, 1, DigestScenario.Content(ReportStatus.Completed), "c", DigestScenario.Now.AddDays(-30), false));
            foreach (var revision in revisions) store.Store.Reports.Insert(ReportDocument.From(revision));
            store.Store.ReportLatest.DeleteAll();
            store.Store.ReportCompleted.DeleteAll();
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var reports = new LiteReportRepository(reopened);
        AssertSummariesMatchHistory(reports);
        var next = reports.Append(key, DigestScenario.Content(ReportStatus.OnTrack), "c", DigestScenario.Now, late: false);
        Assert.Equal(reports.History(key).Count, next.Revision);
        Assert.Equal(Id(next), Id(reports.Latest(key)!));
    }

    [Fact]
    public void A_period_every_revision_is_found_through_its_summaries_and_older_databases_lose_the_unused_indexes()
    {
        List<(ReportKey, int, DateTimeOffset, string)> expected;
        using (var store = new TestStore(_dir.DatabasePath))
        {
            var pairs = LeadPairs(store, 30);
            AppendHistory(store.Reports, pairs, new Random(19), revisions: 300);
            expected = store.Reports.All().Where(r => r.Key.Period == Q4).OrderBy(r => r.SubmittedAt).ThenBy(r => r.Revision).Select(Id).ToList();
            Assert.Equal(expected, store.Reports.ForPeriod(Q4).Select(Id));
            // As an earlier version left them: revisions indexed by period and by task as well.
            store.Store.Reports.EnsureIndex(r => r.Period);
            store.Store.Reports.EnsureIndex(r => r.TaskNumber);
            Assert.Contains("Period", ReportIndexes(store.Store));
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        Assert.Equal(["DraftId", "Key", "KeyRevision", "_id"], ReportIndexes(reopened).Order(StringComparer.Ordinal));
        var reports = new LiteReportRepository(reopened);
        Assert.Equal(expected, reports.ForPeriod(Q4).Select(Id));
        Assert.Empty(reports.ForPeriod(Q4.Next()));
    }

    private static List<string> ReportIndexes(LiteDbStore store) =>
        store.Database.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", store.Reports.Name)).Select(i => i["name"].AsString).ToList();

    [Fact]
    public void A_period_latest_revisions_and_completions_are_read_from_the_summaries_without_the_revisions()
    {
        using var store = new TestStore(_dir.DatabasePath);
        var pairs = LeadPairs(store, 30);
        AppendHistory(store.Reports, pairs, new Random(5), revisions: 300);
        var all = store.Reports.All();
        var latest = PendingReports.Latest(all.Where(r => r.Key.Period == Q4)).Values.OrderBy(r => r.Key.TaskNumber).ThenBy(r => r.Key.Department, StringComparer.Ordinal).ToList();
        var completed = all.Where(r => r.Content.Status == ReportStatus.Completed).Select(r => (r.Key.TaskNumber, r.Key.Department)).Distinct().Order().ToList();
        Assert.NotEmpty(completed);

        // What a turn or a digest reads of a period must not depend on finding the revision among all the others.
        store.Store.Reports.DeleteAll();

        Assert.Equal(latest.Select(Id), store.Reports.LatestForPeriod(Q4).Select(Id));
        Assert.Equal(Id(latest[0]), Id(store.Reports.Latest(latest[0].Key)!));
        Assert.Equal(completed, store.Reports.Completions().Select(r => (r.Key.TaskNumber, r.Key.Department)).Order().ToList());
    }

    [Fact]
    public void A_period_read_before_an_append_shows_the_append_through_every_repository_on_the_store()
    {
        using var store = new TestStore(_dir.DatabasePath);
        var other = new LiteReportRepository(store.Store);
        var key = new ReportKey(1, "科技厅", Q4);
        store.Reports.Append(key, DigestScenario.Content(ReportStatus.OnTrack), "c", DigestScenario.Now.AddDays(-2), late: false);
        Assert.Equal([1], other.LatestForPeriod(Q4).Select(r => r.Revision));
        Assert.Empty(other.Completions());

        store.Reports.Append(key, DigestScenario.Content(ReportStatus.Completed), "c", DigestScenario.Now.AddDays(-1), late: false);
        store.Reports.Append(key with { Period = Q4.Previous() }, DigestScenario.Content(ReportStatus.Behind), "c", DigestScenario.Now.AddDays(-1), late: true);

        Assert.Equal([(2, ReportStatus.Completed)], other.LatestForPeriod(Q4).Select(r => (r.Revision, r.Content.Status)));
        Assert.Equal([(2, ReportStatus.Completed)], other.LatestForPeriod(Q4, ["科技厅"]).Select(r => (r.Revision, r.Content.Status)));
        Assert.Empty(other.LatestForPeriod(Q4, ["财政厅"]));
        Assert.Equal([ReportStatus.Behind], other.LatestForPeriod(Q4.Previous()).Select(r => r.Content.Status));
        Assert.Equal([key], other.Completions(1).Select(r => r.Key));
        Assert.Empty(other.Completions(2));
    }

    [Fact]
    public void A_period_held_in_memory_takes_an_appended_revision_in_its_place_without_reading_the_period_again()
    {
        using var store = new TestStore(_dir.DatabasePath);
        var pairs = LeadPairs(store, 20);
        foreach (var r in RandomHistory(pairs, new Random(23), revisions: 200).Where(r => r.Key.Period == Q4))
            store.Reports.Append(r.Key, r.Content, r.SubmittedBy, r.SubmittedAt, r.Late);
        var before = store.Reports.LatestForPeriod(Q4);
        Assert.True(before.Count > 3);

        // Removed behind the repository's back: a period read again would lack it.
        var unseen = before[0].Key;
        store.Store.ReportLatest.Delete(ReportDocument.KeyOf(unseen));
        var changed = before[before.Count / 2].Key;
        var added = new ReportKey(pairs[^1].Number + 1, "科技厅", Q4);
        store.Reports.Append(changed, DigestScenario.Content(ReportStatus.Completed), "c", DigestScenario.Now, late: false);
        store.Reports.Append(added, DigestScenario.Content(ReportStatus.OnTrack), "c", DigestScenario.Now, late: false);

        var after = store.Reports.LatestForPeriod(Q4);
        Assert.Equal(before.Select(r => r.Key).Append(added), after.Select(r => r.Key));
        Assert.Equal(ReportStatus.Completed, after.Single(r => r.Key == changed).Content.Status);
        Assert.Equal(before.Single(r => r.Key == changed).Revision + 1, after.Single(r => r.Key == changed).Revision);
    }

    [Fact]
    public async Task Reads_while_revisions_are_appended_end_as_the_history_says()
    {
        using var store = new TestStore(_dir.DatabasePath);
        var pairs = LeadPairs(store, 20);
        var history = RandomHistory(pairs, new Random(17), revisions: 300);
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            // Reading (and so caching) every period again and again while the appends go on.
            while (!done.IsCancellationRequested)
                foreach (var period in history.Select(r => r.Key.Period).Distinct())
                {
                    store.Reports.LatestForPeriod(period);
                    store.Reports.Completions();
                }
        })).ToList();
        foreach (var r in history) store.Reports.Append(r.Key, r.Content, r.SubmittedBy, r.SubmittedAt, r.Late);
        done.Cancel();
        await Task.WhenAll(readers);

        AssertSummariesMatchHistory(store.Reports);
    }

    [Fact]
    public void Summaries_that_only_point_at_their_revision_are_rebuilt_at_open()
    {
        using (var store = new TestStore(_dir.DatabasePath))
        {
            var pairs = LeadPairs(store, 20);
            AppendHistory(store.Reports, pairs, new Random(9), revisions: 200);
            // Summaries as the previous version stored them: the revision's number and id, not the revision.
            foreach (var name in new[] { "report_latest", "report_completed" })
            {
                var collection = store.Store.Database.GetCollection(name);
                var older = collection.FindAll().Select(d =>
                {
                    var revision = d[name == "report_latest" ? "Latest" : "Completed"].AsDocument;
                    d.Remove(name == "report_latest" ? "Latest" : "Completed");
                    d["Revision"] = revision["Revision"];
                    d["RevisionId"] = revision["_id"];
                    return d;
                }).ToList();
                collection.DeleteAll();
                collection.InsertBulk(older);
            }
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var reports = new LiteReportRepository(reopened);
        AssertSummariesMatchHistory(reports);
    }

    private static void AssertSummariesMatchHistory(LiteReportRepository reports)
    {
        var all = reports.All();
        foreach (var period in all.Select(r => r.Key.Period).Distinct())
        {
            var expected = PendingReports.Latest(all.Where(r => r.Key.Period == period)).Values.OrderBy(r => r.Key.TaskNumber).ThenBy(r => r.Key.Department, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Select(Id), reports.LatestForPeriod(period).Select(Id));
            Assert.All(expected, r => Assert.Equal(Id(r), Id(reports.Latest(r.Key)!)));
            Assert.Equal(expected.Where(r => r.Key.Department == "科技厅").Select(Id), reports.LatestForPeriod(period, ["科技厅"]).Select(Id));
        }
        var completed = all.Where(r => r.Content.Status == ReportStatus.Completed).Select(r => (r.Key.TaskNumber, r.Key.Department)).Distinct().Order().ToList();
        var completions = reports.Completions();
        Assert.All(completions, r => Assert.Equal(ReportStatus.Completed, r.Content.Status));
        Assert.Equal(completed, completions.Select(r => (r.Key.TaskNumber, r.Key.Department)).Order().ToList());
        Assert.Equal(completed.Where(c => c.TaskNumber == 1), reports.Completions(1).Select(r => (r.Key.TaskNumber, r.Key.Department)).Order());
    }

    /// <summary>The plan's (task, lead department) pairs, the first <paramref name="count"/> of them.</summary>
    private static List<(int Number, string Department)> LeadPairs(TestStore store, int count = int.MaxValue) =>
        store.Plans.Tasks().SelectMany(t => t.LeadDepartments.Select(d => (t.Number, Department: d))).Take(count).ToList();

    private static void AppendHistory(LiteReportRepository reports, IReadOnlyList<(int Number, string Department)> pairs, Random random, int revisions)
    {
        foreach (var r in RandomHistory(pairs, random, revisions))
            Assert.Equal(r.Revision, reports.Append(r.Key, r.Content, r.SubmittedBy, r.SubmittedAt, r.Late).Revision);
    }

    /// <summary>Revisions of random reports over six quarters up to Q4, numbered and in submission order, some in the last week.</summary>
    private static List<ReportRevision> RandomHistory(IReadOnlyList<(int Number, string Department)> pairs, Random random, int revisions)
    {
        var quarters = Enumerable.Range(0, 6).Select(i => Enumerable.Range(0, i).Aggregate(Q4, (q, _) => q.Previous())).ToList();
        var last = new Dictionary<ReportKey, ReportRevision>();
        var history = new List<ReportRevision>();
        for (var i = 0; i < revisions; i++)
        {
            var (number, department) = pairs[random.Next(pairs.Count)];
            var key = new ReportKey(number, department, quarters[random.Next(quarters.Count)]);
            var previous = last.GetValueOrDefault(key);
            var at = (previous?.SubmittedAt ?? (key.Period == Q4 ? DigestScenario.Now.AddDays(-40) : key.Period.StartIn(TestStore.Shanghai).AddDays(5)))
                .AddHours(random.Next(1, 100));
            if (at > DigestScenario.Now) continue;
            var status = Enum.GetValues<ReportStatus>()[random.Next(4)];
            // Often the same answers again, so "copied" and "unchanged since" occur.
            var content = DigestScenario.Content(status, random.Next(3) == 0 ? "同样的进展" : $"进展 {i}");
            history.Add(last[key] = new ReportRevision(key, (previous?.Revision ?? 0) + 1, content, "c", at, Late: false));
        }
        return history;
    }

    private static (ReportKey, int, DateTimeOffset, string) Id(ReportRevision r) => (r.Key, r.Revision, r.SubmittedAt, r.Content.Progress);

    private static string Describe(Digest d) => string.Join('\n', new[]
        {
            $"{d.Period} {d.Totals}",
            string.Join(';', d.Departments.Select(r => r.ToString())),
            string.Join(';', d.Tasks.Select(Row)),
            string.Join(';', d.Behind.Select(Row)),
            string.Join(';', d.NotReported.Select(n => $"{n.Department}:{string.Join(',', n.TaskNumbers)}:{n.NothingReported}")),
            string.Join(';', d.OverdueAgainstPlan.Select(Row)),
            string.Join(';', d.Changes.Select(c => $"{c.TaskNumber}|{c.Department}|{c.Kind}|{c.Before?.Revision}|{c.After.Revision}")),
        });

    private static string Row(DigestTaskRow r) =>
        $"{r.TaskNumber}|{r.Department}|{r.Latest?.Revision}|{r.ReportingLight}|{r.ProgressLight}|{r.CopiedFromPrevious}|{r.OverdueAgainstPlan}|{r.Returned?.Revision}|{string.Join(",", r.Notes.Select(n => n.Text))}";
}
