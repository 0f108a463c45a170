using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteReportRepository(LiteDbStore store) : IReportRepository
{
    // Numbering reads the last revision and writes the next; one writer at a time keeps that honest
    // (the unique KeyRevision index is the backstop).
    private readonly Lock _appendLock = new();

    public ReportRevision Append(ReportKey key, ReportContent content, string submittedBy, DateTimeOffset submittedAt, bool late, string? draftId = null)
    {
        ReportRevision revision;
        lock (_appendLock)
        {
            revision = store.InTransaction(() =>
            {
                // A draft confirmed again (its conversation state was lost after the first store) is not stored twice.
                if (draftId is not null && FindByDraft(draftId) is { } stored) return stored;
                var keyText = ReportDocument.KeyOf(key);
                var last = store.Reports.Query().Where(r => r.Key == keyText).OrderByDescending(r => r.Revision).FirstOrDefault();
                var next = new ReportRevision(key, (last?.Revision ?? 0) + 1, content, submittedBy, submittedAt, late, draftId);
                store.Reports.Insert(ReportDocument.From(next));
                return next;
            });
            store.Checkpoint();
        }
        return revision;
    }

    public ReportRevision? FindByDraft(string draftId) =>
        store.Reports.FindOne(r => r.DraftId == draftId)?.ToRevision();

    public IReadOnlyList<ReportRevision> History(ReportKey key)
    {
        var keyText = ReportDocument.KeyOf(key);
        return store.Reports.Query().Where(r => r.Key == keyText).OrderBy(r => r.Revision).ToList().Select(r => r.ToRevision()).ToList();
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
            store.Checkpoint();
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

    private static IReadOnlyList<ReportRevision> Oldest(List<ReportDocument> documents) =>
        documents.OrderBy(d => d.SubmittedAt).ThenBy(d => d.Revision).Select(d => d.ToRevision()).ToList();
}
