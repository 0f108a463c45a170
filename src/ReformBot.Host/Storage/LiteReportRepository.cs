using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteReportRepository : IReportRepository
{
    private readonly LiteDbStore store;

    // Numbering reads the last revision and writes the next; one writer at a time keeps that honest
    // (the unique KeyRevision index is the backstop).
    private readonly Lock _appendLock = new();

    public LiteReportRepository(LiteDbStore store)
    {
        this.store = store;
        // A database from before the summaries: build them once, from every revision it holds.
        if (!store.ReportSummaries.Query().Exists() && store.Reports.Query().Exists()) BuildSummaries(store);
    }

    public ReportRevision Append(ReportKey key, ReportContent content, string submittedBy, DateTimeOffset submittedAt, bool late, string? draftId = null)
    {
        ReportRevision revision;
        lock (_appendLock)
        {
            revision = store.InTransaction(() =>
            {
                // A draft confirmed again (its conversation state was lost after the first store) is not stored twice.
                if (draftId is not null && FindByDraft(draftId) is { } stored) return stored;
                var summary = store.ReportSummaries.FindById(ReportSummaryDocument.IdOf(key.TaskNumber, key.Department))
                    ?? new ReportSummaryDocument { Id = ReportSummaryDocument.IdOf(key.TaskNumber, key.Department), TaskNumber = key.TaskNumber, Department = key.Department };
                var next = new ReportRevision(key, (summary.For(key.Period.ToString())?.Revision ?? 0) + 1, content, submittedBy, submittedAt, late, draftId);
                var document = ReportDocument.From(next);
                store.Reports.Insert(document);
                // In the revision's own transaction: the summary never disagrees with the revisions.
                summary.Add(document);
                store.ReportSummaries.Upsert(summary);
                return next;
            });
            store.Checkpoint();
        }
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

    public IReadOnlyList<ReportRevision> History(ReportKey key)
    {
        var keyText = ReportDocument.KeyOf(key);
        // Sorted here: LiteDB sorts on an unindexed field through buffers of its own, far costlier than a short list.
        return store.Reports.Find(r => r.Key == keyText).OrderBy(r => r.Revision).Select(r => r.ToRevision()).ToList();
    }

    public ReportRevision? Latest(ReportKey key) =>
        store.ReportSummaries.FindById(ReportSummaryDocument.IdOf(key.TaskNumber, key.Department))?.For(key.Period.ToString()) is { } latest
            ? store.Reports.FindById(latest.RevisionId)?.ToRevision()
            : null;

    public IReadOnlyList<ReportRevision> LatestForPeriod(Quarter period, IEnumerable<string>? departments = null)
    {
        var periodText = period.ToString();
        var summaries = departments is null
            ? store.ReportSummaries.FindAll()
            : departments.Distinct(StringComparer.Ordinal).SelectMany(d => store.ReportSummaries.Find(s => s.Department == d));
        return summaries
            .Select(s => s.For(periodText))
            .OfType<PeriodLatestDocument>()
            .Select(p => store.Reports.FindById(p.RevisionId).ToRevision())
            .OrderBy(r => r.Key.TaskNumber).ThenBy(r => r.Key.Department, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<ReportRevision> Completions(int? taskNumber = null)
    {
        var summaries = taskNumber is { } n ? store.ReportSummaries.Find(s => s.TaskNumber == n) : store.ReportSummaries.FindAll();
        return summaries
            .Where(s => s.Completed is not null)
            .Select(s => store.Reports.FindById(s.Completed).ToRevision())
            .ToList();
    }

    public IReadOnlyList<ReportRevision> ForPeriod(Quarter period)
    {
        var periodText = period.ToString();
        return Oldest(store.Reports.Query().Where(r => r.Period == periodText).ToList());
    }

    public IReadOnlyList<ReportRevision> All() => store.Reports.FindAll().Select(d => d.ToRevision()).ToList();

    public IReadOnlyList<ReportRevision> ForTask(int taskNumber) =>
        Oldest(store.Reports.Query().Where(r => r.TaskNumber == taskNumber).ToList());

    public void AppendReturn(ReportReturn reportReturn)
    {
        store.Returns.Insert(ReturnDocument.From(reportReturn));
        store.Checkpoint();
    }

    public IReadOnlyList<ReportReturn> ReturnsForPeriod(Quarter period)
    {
        var periodText = period.ToString();
        return store.Returns.Find(r => r.Period == periodText).Select(r => r.ToReturn()).OrderBy(r => r.ReturnedAt).ToList();
    }

    public IReadOnlyList<ReportReturn> ReturnsForTask(int taskNumber) =>
        store.Returns.Find(r => r.TaskNumber == taskNumber).Select(r => r.ToReturn()).OrderBy(r => r.ReturnedAt).ToList();

    public void AppendNote(ReportNote note)
    {
        store.Notes.Insert(NoteDocument.From(note));
        store.Checkpoint();
    }

    public IReadOnlyList<ReportNote> NotesForTask(int taskNumber) =>
        store.Notes.Find(n => n.TaskNumber == taskNumber).Select(n => n.ToNote()).OrderBy(n => n.SubmittedAt).ToList();

    public IReadOnlyList<ReportNote> NotesForPeriod(Quarter period)
    {
        var periodText = period.ToString();
        return store.Notes.Find(n => n.Period == periodText).Select(n => n.ToNote()).OrderBy(n => n.SubmittedAt).ToList();
    }

    private static IReadOnlyList<ReportRevision> Oldest(List<ReportDocument> documents) =>
        documents.OrderBy(d => d.SubmittedAt).ThenBy(d => d.Revision).Select(d => d.ToRevision()).ToList();

    /// <summary>The summaries from every stored revision, replacing any there were, in one transaction.</summary>
    private static void BuildSummaries(LiteDbStore store)
    {
        store.InTransaction(() =>
        {
            var summaries = new Dictionary<string, ReportSummaryDocument>(StringComparer.Ordinal);
            foreach (var revision in store.Reports.FindAll())
            {
                var id = ReportSummaryDocument.IdOf(revision.TaskNumber, revision.Department);
                if (!summaries.TryGetValue(id, out var summary))
                    summaries[id] = summary = new ReportSummaryDocument { Id = id, TaskNumber = revision.TaskNumber, Department = revision.Department };
                summary.Add(revision);
            }
            store.ReportSummaries.DeleteAll();
            return store.ReportSummaries.InsertBulk(summaries.Values);
        });
        store.Checkpoint();
    }
}
