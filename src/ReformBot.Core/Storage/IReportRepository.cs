using ReformBot.Core.Periods;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Storage;

/// <summary>Report revisions. Append-only: no revision is ever changed or removed.</summary>
public interface IReportRepository
{
    /// <summary>
    /// Stores a new revision with the next revision number of its key. It is on disk when this
    /// returns, so a caller may then tell the user it is saved. A <paramref name="draftId"/> that
    /// is already stored stores nothing and returns that draft's revision as stored: its content is then
    /// not <paramref name="content"/> itself, which a new revision's is.
    /// </summary>
    ReportRevision Append(ReportKey key, ReportContent content, string submittedBy, DateTimeOffset submittedAt, bool late, string? draftId = null);

    /// <summary>The revision confirmed from this draft, or null when it was never stored.</summary>
    ReportRevision? FindByDraft(string draftId);

    /// <summary>Every revision of the given reports, by report and oldest first; read through an index, whatever the rest of the history.</summary>
    IReadOnlyList<ReportRevision> History(params IEnumerable<ReportKey> keys);

    /// <summary>
    /// For each of the given reports, its latest revision submitted at or before <paramref name="at"/> (none for a
    /// report without one), in the order of <paramref name="keys"/>: what each said then, without reading every
    /// later revision.
    /// </summary>
    IReadOnlyList<ReportRevision> InForceAt(DateTimeOffset at, params IEnumerable<ReportKey> keys);

    /// <summary>The latest revision of one report, or null when it has none. Read from what the store keeps current, not the history.</summary>
    ReportRevision? Latest(ReportKey key);

    /// <summary>
    /// The latest revision of each report of the period (of <paramref name="departments"/> only, when given), by
    /// task number. Read from what the store keeps current: its cost does not grow with the history.
    /// </summary>
    IReadOnlyList<ReportRevision> LatestForPeriod(Quarter period, IEnumerable<string>? departments = null);

    /// <summary>
    /// For each (task, department) that ever reported 已完成, in any period, one revision that did (of
    /// <paramref name="taskNumber"/> only, when given): what the plan-deadline rule needs of the history.
    /// </summary>
    IReadOnlyList<ReportRevision> Completions(int? taskNumber = null);

    /// <summary>Every revision of every report of the period, oldest first.</summary>
    IReadOnlyList<ReportRevision> ForPeriod(Quarter period);

    /// <summary>Every revision of every report, in no particular order (for digests).</summary>
    IReadOnlyList<ReportRevision> All();


    /// <summary>Stores the office's sending back (退回) of a revision; on disk when this returns. The revision stays.</summary>
    void AppendReturn(ReportReturn reportReturn);

    /// <summary>Every return of the period, oldest first.</summary>
    IReadOnlyList<ReportReturn> ReturnsForPeriod(Quarter period);

    /// <summary>Every return of one task, all departments and periods, oldest first.</summary>
    IReadOnlyList<ReportReturn> ReturnsForTask(int taskNumber);

    /// <summary>
    /// Stores a supporting department's note; on disk when this returns. A note whose draft is stored
    /// already is not stored again: the stored one is returned.
    /// </summary>
    ReportNote AppendNote(ReportNote note);

    /// <summary>Every note on one task, oldest first.</summary>
    IReadOnlyList<ReportNote> NotesForTask(int taskNumber);

    /// <summary>Every note of the period, oldest first.</summary>
    IReadOnlyList<ReportNote> NotesForPeriod(Quarter period);
}
