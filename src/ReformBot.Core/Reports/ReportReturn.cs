namespace ReformBot.Core.Reports;

/// <summary>
/// The office sent one revision of a report back (退回) with a reason. An event, not a deletion: the
/// revision stays, and the report is pending again until a later revision is submitted.
/// </summary>
/// <param name="Revision">The revision sent back: the latest at the time.</param>
/// <param name="ReturnedBy">The office member's contact id.</param>
public sealed record ReportReturn(ReportKey Key, int Revision, string Reason, string ReturnedBy, DateTimeOffset ReturnedAt)
{
    /// <summary>
    /// The returns still in force among <paramref name="returns"/>: those of the latest revision of
    /// their report (a later revision answers a return), by report.
    /// </summary>
    public static IReadOnlyDictionary<ReportKey, ReportReturn> InForce(
        IEnumerable<ReportReturn> returns, IReadOnlyDictionary<ReportKey, ReportRevision> latest) =>
        returns
            .Where(r => latest.TryGetValue(r.Key, out var revision) && revision.Revision == r.Revision)
            .GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.ReturnedAt)!);
}
