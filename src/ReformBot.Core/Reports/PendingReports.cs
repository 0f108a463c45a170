using ReformBot.Core.Plans;

namespace ReformBot.Core.Reports;

/// <summary>A report a department owes: one task it leads.</summary>
public sealed record ReportItem(int TaskNumber, string Department);

public static class PendingReports
{
    /// <summary>
    /// The (task, department) pairs that <paramref name="departments"/> lead and have not reported in
    /// the period, in table order. A confirmed revision by anyone of the department counts, unless the
    /// office sent the latest one back (<paramref name="returns"/>, 退回): then it is pending again.
    /// </summary>
    public static IReadOnlyList<ReportItem> For(
        IEnumerable<string> departments, IReadOnlyList<PlanTask> tasks, IEnumerable<ReportRevision> periodRevisions,
        IEnumerable<ReportReturn>? returns = null)
    {
        var mine = departments.ToHashSet(StringComparer.Ordinal);
        var revisions = periodRevisions as IReadOnlyCollection<ReportRevision> ?? periodRevisions.ToList();
        var returned = returns is null ? [] : ReportReturn.InForce(returns, Latest(revisions)).Keys.ToHashSet();
        var reported = revisions.Where(r => !returned.Contains(r.Key)).Select(r => new ReportItem(r.Key.TaskNumber, r.Key.Department)).ToHashSet();
        return tasks
            .SelectMany(t => t.LeadDepartments.Where(mine.Contains).Select(d => new ReportItem(t.Number, d)))
            .Where(item => !reported.Contains(item))
            .ToList();
    }

    /// <summary>
    /// The (task, department) pairs that <paramref name="departments"/> support (配合) and have written
    /// no note on in the period (<paramref name="periodNotes"/>), in table order.
    /// </summary>
    public static IReadOnlyList<ReportItem> NotesFor(IEnumerable<string> departments, IReadOnlyList<PlanTask> tasks, IEnumerable<ReportNote> periodNotes)
    {
        var mine = departments.ToHashSet(StringComparer.Ordinal);
        var written = periodNotes.Select(n => new ReportItem(n.TaskNumber, n.Department)).ToHashSet();
        return tasks
            .SelectMany(t => t.SupportDepartments.Where(mine.Contains).Select(d => new ReportItem(t.Number, d)))
            .Where(item => !written.Contains(item))
            .ToList();
    }

    /// <summary>The latest revision of each report among <paramref name="revisions"/>.</summary>
    public static IReadOnlyDictionary<ReportKey, ReportRevision> Latest(IEnumerable<ReportRevision> revisions) =>
        revisions.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Revision)!);
}
