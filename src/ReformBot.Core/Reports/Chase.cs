using ReformBot.Core.Periods;

namespace ReformBot.Core.Reports;

/// <summary>What came of chasing one contact.</summary>
public enum ChaseOutcome
{
    /// <summary>Not sent yet (the chase is still running, or a stop interrupted it before this contact).</summary>
    Pending,
    Delivered,
    /// <summary>They had this message already (提醒 goes to each contact once a day).</summary>
    AlreadySent,
    /// <summary>Marked unreachable (they removed the bot), before or during this chase.</summary>
    Unreachable,
    Failed,
    /// <summary>Sent when a crash or stop cut in: it may or may not have arrived, and is not sent again.</summary>
    Unknown,
}

/// <summary>Which command started a chase.</summary>
public enum ChaseScope
{
    /// <summary>提醒: every department with pending lead tasks, each contact once a day.</summary>
    AllPending,
    /// <summary>催办: one department, with the office's note; every chase goes out.</summary>
    Department,
    /// <summary>退回: telling one department's contacts that a report was sent back, and why (the note).</summary>
    Return,
}

/// <summary>One contact a chase was addressed to.</summary>
public sealed record ChaseRecipient(string ContactId, string Name, ChaseOutcome Outcome);

/// <summary>
/// The office reminding departments now (提醒 for every pending department, 催办 for one): who asked,
/// when, to whom, with which note, and what came of each message. Part of the report trail: kept,
/// never removed.
/// </summary>
/// <param name="Id">Unique; also names the chase's messages in the reminder log.</param>
/// <param name="Departments">The departments chased.</param>
/// <param name="Note">The office's note (附言), or null.</param>
/// <param name="RequestedBy">The office member's contact id.</param>
/// <param name="SendKind">The reminder-log kind its messages go out under: one per chase for 催办, one per day for 提醒.</param>
/// <param name="FinishedAt">When the last message's outcome was known; null while it runs (or after a stop interrupted it).</param>
/// <param name="TaskNumber">The task of a <see cref="ChaseScope.Return"/>; null otherwise.</param>
public sealed record Chase(
    string Id,
    Quarter Period,
    ChaseScope Scope,
    IReadOnlyList<string> Departments,
    string? Note,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string SendKind,
    IReadOnlyList<ChaseRecipient> Recipients,
    DateTimeOffset? FinishedAt = null,
    int? TaskNumber = null);
