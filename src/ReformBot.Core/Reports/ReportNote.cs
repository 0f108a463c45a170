using ReformBot.Core.Periods;

namespace ReformBot.Core.Reports;

/// <summary>
/// What a supporting (配合) department adds to a task's report for a period: its part of the work.
/// Notes are kept like revisions: each one is added, none is changed.
/// </summary>
/// <param name="Department">The supporting department that wrote it.</param>
/// <param name="DraftId">The draft it was confirmed from, so that a draft is stored at most once; null for notes stored otherwise.</param>
public sealed record ReportNote(int TaskNumber, string Department, Quarter Period, string Text, string SubmittedBy, DateTimeOffset SubmittedAt, string? DraftId = null);
