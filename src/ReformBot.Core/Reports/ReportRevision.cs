using ReformBot.Core.Periods;

namespace ReformBot.Core.Reports;

/// <summary>What a report is about: one task, one lead department, one period.</summary>
public sealed record ReportKey(int TaskNumber, string Department, Quarter Period);

/// <summary>
/// The answers of a report (进展情况、存在问题、下一步工作思路). Texts are kept exactly as typed.
/// </summary>
/// <param name="Percent">Optional completion percentage, 0–100.</param>
/// <param name="Evidence">Optional links to supporting documents.</param>
public sealed record ReportContent(
    ReportStatus Status, string Progress, string Problems, string NextSteps, int? Percent, IReadOnlyList<string> Evidence)
{
    public bool SameAs(ReportContent other) =>
        Status == other.Status && Progress == other.Progress && Problems == other.Problems &&
        NextSteps == other.NextSteps && Percent == other.Percent && Evidence.SequenceEqual(other.Evidence);
}

/// <summary>
/// One confirmed submission of a report. Every revision is kept: editing a report adds a revision
/// with the next number; nothing is overwritten.
/// </summary>
/// <param name="Revision">1 for the first submission of the key, then 2, 3, …</param>
/// <param name="SubmittedBy">The contact's id.</param>
/// <param name="Late">Submitted after the period's deadline.</param>
/// <param name="DraftId">The draft it was confirmed from, when it came from one: a draft is stored at most once.</param>
public sealed record ReportRevision(
    ReportKey Key, int Revision, ReportContent Content, string SubmittedBy, DateTimeOffset SubmittedAt, bool Late, string? DraftId = null);
