using System.Runtime.CompilerServices;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteReportRepository : IReportRepository
{
    // One cache per store, shared by every repository on it (as the plan's): an append through one is seen by all.
    private static readonly ConditionalWeakTable<LiteDbStore, SummaryCache> Caches = new();

    private readonly LiteDbStore store;
    private readonly SummaryCache _cache;

    // Numbering reads the last revision and writes the next; one writer at a time keeps that honest
    // (the unique KeyRevision index is the backstop).
    private readonly Lock _appendLock = new();

    public LiteReportRepository(LiteDbStore store)
    {
        this.store = store;
        _cache = Caches.GetValue(store, _ => new SummaryCache());
        // A database from before the summaries, or from before they kept a copy of their revision: build
        // them once, from every revision it holds. They are built whole, so one summary tells.
        if (store.Reports.Query().Exists() && store.ReportLatest.FindOne(LiteDB.Query.All()) is not { Latest: not null }) BuildSummaries(store);
    }

    public ReportRevision Append(ReportKey key, ReportContent content, string submittedBy, DateTimeOffset submittedAt, bool late, string? draftId = null)
    {
        ReportRevision revision;
        var inserted = false;
        lock (_appendLock)
        {
            try
            {
                revision = store.InTransaction(() =>
                {
                    // A draft confirmed again (its conversation state was lost after the first store) is not stored twice.
                    if (draftId is not null && FindByDraft(draftId) is { } stored) return stored;
                    var latest = store.ReportLatest.FindById(ReportDocument.KeyOf(key)) ?? new ReportLatestDocument();
                    var next = new ReportRevision(key, (latest.Latest?.Revision ?? 0) + 1, content, submittedBy, submittedAt, late, draftId);
                    var document = ReportDocument.From(next);
                    store.Reports.Insert(document);
                    // In the revision's own transaction: the summaries never disagree with the revisions.
                    Summarize(store, document, latest);
                    inserted = true;
                    return next;
                });
            }
            catch
            {
                // Whether it was committed is not known: what the cache holds of the period is read again.
                _cache.Changed(key.Period.ToString(), completions: content.Status == ReportStatus.Completed);
                throw;
            }
            if (inserted) _cache.Appended(revision);
        }
        // Outside the lock, so that revisions confirmed at the same moment share one flush to disk.
        store.FlushToDisk();
        return revision;
    }

    /// <summary>
    /// Stores revisions that already have their numbers (history brought in from elsewhere) in one
    /// transaction, and brings the summaries up to date. For seeding large stores (bench/).
    /// </summary>
    internal static void Import(LiteDbStore store, IEnumerable<ReportRevision> revisions)
    {
        store.InTransaction(() => store.Reports.InsertBulk(revisions.Select(ReportDocument.From)));
        BuildSummaries(store);
    }

    public ReportRevision? FindByDraft(string draftId) =>
        store.Reports.FindOne(r => r.DraftId == draftId)?.ToRevision();

    public IReadOnlyList<ReportRevision> History(params IEnumerable<ReportKey> keys)
    {
        var keyTexts = keys.Select(k => new LiteDB.BsonValue(ReportDocument.KeyOf(k))).Distinct().ToList();
        if (keyTexts.Count == 0) return [];
        // One query of index seeks; sorted here: LiteDB sorts on an unindexed field through buffers of its own, far costlier than a short list.
        return store.Reports.Find(LiteDB.Query.In(nameof(ReportDocument.Key), keyTexts))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Revision).Select(r => r.ToRevision()).ToList();
    }

    public IReadOnlyList<ReportRevision> InForceAt(DateTimeOffset at, params IEnumerable<ReportKey> keys)
    {
        var inForce = new List<ReportRevision>();
        foreach (var key in keys.Select(ReportDocument.KeyOf).Distinct())
            if ((_cache.InForce(key, at) ?? FindInForce(key, at))?.Revision is { } revision) inForce.Add(revision);
        return inForce;
    }

    /// <summary>The revision of <paramref name="key"/> in force at <paramref name="at"/>, and for how long; null when the report has none.</summary>
    private InForceSpan? FindInForce(string key, DateTimeOffset at)
    {
        if (store.ReportLatest.FindById(key)?.Latest is not { } latest) return null;
        // In force from then on, until an append: not kept.
        if (latest.SubmittedAt <= at) return new InForceSpan(latest.ToRevision(), latest.SubmittedAt, DateTimeOffset.MaxValue);
        // Revisions are numbered 1, 2, … in the order they are submitted: the one in force is found by halving
        // the numbers, an index seek each, instead of reading every revision of a report revised often since.
        // `next` is always the revision just after `high`, so at the end the one after the revision found.
        ReportDocument? found = null;
        var next = latest;
        var (low, high) = (1, latest.Revision - 1);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var revision = store.Reports.FindOne(LiteDB.Query.EQ(nameof(ReportDocument.KeyRevision), ReportDocument.KeyRevisionOf(key, middle)))
                ?? throw new InvalidOperationException($"Revision {middle} of report {key} is missing.");
            if (revision.SubmittedAt <= at) (found, low) = (revision, middle + 1);
            else (next, high) = (revision, middle - 1);
        }
        var span = new InForceSpan(found?.ToRevision(), found?.SubmittedAt ?? DateTimeOffset.MinValue, next.SubmittedAt);
        _cache.RememberInForce(key, span);
        return span;
    }

    public ReportRevision? Latest(ReportKey key) => store.ReportLatest.FindById(ReportDocument.KeyOf(key))?.Latest?.ToRevision();

    public IReadOnlyList<ReportRevision> LatestForPeriod(Quarter period, IEnumerable<string>? departments = null)
    {
        var periodText = period.ToString();
        var latest = _cache.Period(periodText, () => store.ReportLatest.Find(l => l.Period == periodText)
            .Select(l => l.Latest!.ToRevision())
            .OrderBy(r => r.Key, SummaryCache.PeriodOrder)
            .ToList());
        if (departments is null) return latest;
        var only = departments.ToHashSet(StringComparer.Ordinal);
        return latest.Where(r => only.Contains(r.Key.Department)).ToList();
    }

    public IReadOnlyList<ReportRevision> Completions(int? taskNumber = null)
    {
        var all = _cache.Completions(() => store.ReportCompleted.FindAll().Select(c => c.Completed!.ToRevision()).ToList());
        return taskNumber is { } n ? all.Where(r => r.Key.TaskNumber == n).ToList() : all;
    }

    public IReadOnlyList<ReportRevision> ForPeriod(Quarter period)
    {
        var periodText = period.ToString();
        // The period's reports are its summaries; their revisions are found by key.
        var keys = store.ReportLatest.Find(l => l.Period == periodText).Select(l => new LiteDB.BsonValue(l.Id)).ToList();
        return keys.Count == 0 ? [] : Oldest(store.Reports.Find(LiteDB.Query.In(nameof(ReportDocument.Key), keys)).ToList());
    }

    public IReadOnlyList<ReportRevision> All() => store.Reports.FindAll().Select(d => d.ToRevision()).ToList();

    public void AppendReturn(ReportReturn reportReturn)
    {
        store.Returns.Insert(ReturnDocument.From(reportReturn));
        store.FlushToDisk();
    }

    public IReadOnlyList<ReportReturn> ReturnsForPeriod(Quarter period)
    {
        var periodText = period.ToString();
        return store.Returns.Find(r => r.Period == periodText).Select(r => r.ToReturn()).OrderBy(r => r.ReturnedAt).ToList();
    }

    public IReadOnlyList<ReportReturn> ReturnsForTask(int taskNumber) =>
        store.Returns.Find(r => r.TaskNumber == taskNumber).Select(r => r.ToReturn()).OrderBy(r => r.ReturnedAt).ToList();

    public ReportNote AppendNote(ReportNote note)
    {
        ReportNote stored;
        lock (_appendLock)
        {
            stored = store.InTransaction(() =>
            {
                // A draft confirmed again (its conversation state was lost after the first store) is not stored twice.
                if (note.DraftId is { } draftId && store.Notes.FindOne(n => n.DraftId == draftId) is { } existing) return existing.ToNote();
                store.Notes.Insert(NoteDocument.From(note));
                return note;
            });
            store.FlushToDisk();
        }
        return stored;
    }

    public IReadOnlyList<ReportNote> NotesForTask(int taskNumber) => Oldest(store.Notes.Find(n => n.TaskNumber == taskNumber));

    public IReadOnlyList<ReportNote> NotesForPeriod(Quarter period)
    {
        var periodText = period.ToString();
        return Oldest(store.Notes.Find(n => n.Period == periodText));
    }

    // Notes of one instant keep the order they were stored in (ids grow), so the last is the latest.
    private static IReadOnlyList<ReportNote> Oldest(IEnumerable<NoteDocument> documents) =>
        documents.OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id).Select(d => d.ToNote()).ToList();

    // Revisions of one instant keep the order they were stored in (ids grow), whatever index found them.
    private static IReadOnlyList<ReportRevision> Oldest(List<ReportDocument> documents) =>
        documents.OrderBy(d => d.SubmittedAt).ThenBy(d => d.Revision).ThenBy(d => d.Id).Select(d => d.ToRevision()).ToList();

    /// <summary>The summaries from every stored revision, replacing any there were, in one transaction.</summary>
    private static void BuildSummaries(LiteDbStore store)
    {
        try
        {
            store.InTransaction(() =>
            {
                store.ReportLatest.DeleteAll();
                store.ReportCompleted.DeleteAll();
                var latest = new Dictionary<string, ReportLatestDocument>(StringComparer.Ordinal);
                var completed = new Dictionary<string, ReportCompletedDocument>(StringComparer.Ordinal);
                foreach (var revision in store.Reports.FindAll())
                {
                    if (!latest.TryGetValue(revision.Key, out var l)) latest[revision.Key] = l = new ReportLatestDocument();
                    l.Take(revision);
                    if (revision.Status == ReportStatus.Completed)
                        completed.TryAdd(ReportCompletedDocument.IdOf(revision.TaskNumber, revision.Department), ReportCompletedDocument.For(revision));
                }
                store.ReportLatest.InsertBulk(latest.Values);
                return store.ReportCompleted.InsertBulk(completed.Values);
            });
        }
        finally
        {
            Caches.GetValue(store, _ => new SummaryCache()).Clear();
        }
        store.FlushToDisk();
    }

    /// <summary>Brings the summaries up to date with a revision just stored (inside its transaction).</summary>
    private static void Summarize(LiteDbStore store, ReportDocument revision, ReportLatestDocument latest)
    {
        if (latest.Take(revision)) store.ReportLatest.Upsert(latest);
        if (revision.Status != ReportStatus.Completed) return;
        var id = ReportCompletedDocument.IdOf(revision.TaskNumber, revision.Department);
        if (store.ReportCompleted.FindById(id) is null) store.ReportCompleted.Insert(ReportCompletedDocument.For(revision));
    }

    /// <summary>
    /// The latest revisions of the periods read lately and every completion, as read from the summaries, until
    /// an append changes them: a turn or a digest then reads and maps nothing from the file. A few periods at
    /// most, so what it holds follows the reports of those periods, not the history.
    /// </summary>
    private sealed class SummaryCache
    {
        // 任务 <n> reads the last four quarters, which hold the current one the other turns read.
        private const int MaxPeriods = 4;
        private readonly Lock _gate = new();
        private readonly Dictionary<string, IReadOnlyList<ReportRevision>> _periods = new(StringComparer.Ordinal);
        // What the digest's "what changed" asked before: stored revisions never change, so a span between two
        // of them stays true; the next digest, a little later, finds its answer here without a seek.
        private const int MaxSpans = 1024;
        private readonly Dictionary<string, InForceSpan> _inForce = new(StringComparer.Ordinal);
        private IReadOnlyList<ReportRevision>? _completions;
        private int _version;

        public InForceSpan? InForce(string key, DateTimeOffset at)
        {
            lock (_gate)
                return _inForce.TryGetValue(key, out var span) && span.From <= at && at < span.Until ? span : null;
        }

        public void RememberInForce(string key, InForceSpan span)
        {
            lock (_gate)
            {
                if (_inForce.Count >= MaxSpans) _inForce.Clear();
                _inForce[key] = span;
            }
        }

        public IReadOnlyList<ReportRevision> Period(string period, Func<IReadOnlyList<ReportRevision>> load)
        {
            int version;
            lock (_gate)
            {
                if (_periods.TryGetValue(period, out var cached)) return cached;
                version = _version;
            }
            var loaded = load();
            lock (_gate)
            {
                // An append that finished while this read ran may not be in it: keep it only if none did.
                if (_version == version)
                {
                    if (_periods.Count >= MaxPeriods) _periods.Clear();
                    _periods[period] = loaded;
                }
            }
            return loaded;
        }

        public IReadOnlyList<ReportRevision> Completions(Func<IReadOnlyList<ReportRevision>> load)
        {
            int version;
            lock (_gate)
            {
                if (_completions is { } cached) return cached;
                version = _version;
            }
            var loaded = load();
            lock (_gate)
                if (_version == version) _completions = loaded;
            return loaded;
        }

        /// <summary>The order of a period's latest revisions: by task, then department.</summary>
        public static readonly IComparer<ReportKey> PeriodOrder = Comparer<ReportKey>.Create((a, b) =>
            a.TaskNumber != b.TaskNumber ? a.TaskNumber.CompareTo(b.TaskNumber) : string.CompareOrdinal(a.Department, b.Department));

        /// <summary>
        /// After a revision was committed: a period held here takes it in place of its report's previous latest
        /// revision, so that a report confirmed does not make every turn read the whole period again. Completions
        /// are read again when it said 已完成.
        /// </summary>
        public void Appended(ReportRevision revision)
        {
            var period = revision.Key.Period.ToString();
            lock (_gate)
            {
                _version++;
                if (_periods.TryGetValue(period, out var cached)) _periods[period] = WithLatest(cached, revision);
                if (revision.Content.Status == ReportStatus.Completed) _completions = null;
            }
        }

        private static List<ReportRevision> WithLatest(IReadOnlyList<ReportRevision> period, ReportRevision latest)
        {
            var revisions = period.Where(r => r.Key != latest.Key).ToList();
            var at = revisions.FindIndex(r => PeriodOrder.Compare(r.Key, latest.Key) > 0);
            revisions.Insert(at < 0 ? revisions.Count : at, latest);
            return revisions;
        }

        /// <summary>After an append that may or may not have been committed: that period, and the completions when it said 已完成, are read again.</summary>
        public void Changed(string period, bool completions)
        {
            lock (_gate)
            {
                _version++;
                _periods.Remove(period);
                if (completions) _completions = null;
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _version++;
                _periods.Clear();
                _completions = null;
                _inForce.Clear();
            }
        }
    }

    /// <summary>A report's revision in force from <paramref name="From"/> until just before <paramref name="Until"/> (none before its first).</summary>
    private sealed record InForceSpan(ReportRevision? Revision, DateTimeOffset From, DateTimeOffset Until);
}
