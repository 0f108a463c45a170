using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Digests;

/// <summary>Everything a digest is computed from. The core reads nothing else: no clock, no store.</summary>
/// <param name="Tasks">The plan's tasks (of one plan or many); task numbers must be distinct.</param>
/// <param name="Revisions">
/// Every report revision, of every period: the previous period's answers show which ones were copied
/// unchanged, and any report marking a task 已完成 clears it from overdue against the plan.
/// </param>
/// <param name="Calendar">The reporting calendar: the period's due date and the local year.</param>
/// <param name="Now">The instant the digest describes: lights and overdue are judged at it.</param>
/// <param name="Period">The period; null means the current one, <see cref="ReportingCalendar.CurrentPeriod"/> at <paramref name="Now"/>.</param>
/// <param name="Since">When the last digest was made; <see cref="Digest.Changes"/> lists what was submitted after it. Null: no last digest, every report of the period is new.</param>
/// <param name="Filter">Department and overdue-only filters; null means none.</param>
/// <param name="Options">Tuning of the rules; null means <see cref="DigestOptions.Default"/>.</param>
/// <param name="Returns">The office's returns (退回) of the period: a report whose latest revision was sent back counts as not submitted. Null means none.</param>
/// <param name="Notes">The supporting departments' notes (配合说明) of the period, shown on their task's rows; they count for nothing. Null means none.</param>
public sealed record DigestInput(
    IReadOnlyList<PlanTask> Tasks,
    IReadOnlyList<ReportRevision> Revisions,
    ReportingCalendar Calendar,
    DateTimeOffset Now,
    Quarter? Period = null,
    DateTimeOffset? Since = null,
    DigestFilter? Filter = null,
    DigestOptions? Options = null,
    IReadOnlyList<ReportReturn>? Returns = null,
    IReadOnlyList<ReportNote>? Notes = null);

/// <summary>What part of the digest to show.</summary>
/// <param name="Department">
/// Only this department's lead (牵头) reports, by canonical name (compared ordinally; resolve aliases
/// first). Every number, row and list of the digest is then computed over those reports only.
/// </param>
/// <param name="OverdueOnly">
/// Only rows with a red light (missing after the due date, or overdue against the plan) in <see cref="Digest.Tasks"/>. Totals, departments, the status breakdown and the other
/// lists are unchanged by it.
/// </param>
public sealed record DigestFilter(string? Department = null, bool OverdueOnly = false)
{
    public static DigestFilter None { get; } = new();
}

/// <summary>Tuning of the digest's rules.</summary>
/// <param name="DueSoonDays">
/// A missing report's reporting light is yellow from this many days before the period's due date (local calendar),
/// inclusive, through the due date. Default 3: with the due date on 10 January, yellow from 7 January.
/// </param>
public sealed record DigestOptions(int DueSoonDays = 3)
{
    public static DigestOptions Default { get; } = new();

    // Declared without init so `with` cannot bypass the check.
    public int DueSoonDays { get; } = DueSoonDays >= 0
        ? DueSoonDays
        : throw new ArgumentOutOfRangeException(nameof(DueSoonDays), DueSoonDays, "Due-soon days cannot be negative.");
}
