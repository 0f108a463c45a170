using ReformBot.Core.Periods;

namespace ReformBot.Core.Reminders;

/// <summary>One reminder of one kind, for one contact, in one period: sent at most once.</summary>
/// <param name="Kind">Which message, as stored: a <see cref="ReminderKind.Key"/> ("opened", "due-7", "overdue-2", "escalation"), or a scheduled message of another sort (a day's manual reminder, a digest slot).</param>
public sealed record ReminderKey(Quarter Period, string ContactId, string Kind);

public enum ReminderState
{
    /// <summary>Claimed before sending; still this state after a crash means the send's outcome is unknown.</summary>
    Sending,
    Sent,
    /// <summary>Failed for good (the contact removed the bot); not retried.</summary>
    Failed,
}

public sealed record ReminderRecord(ReminderKey Key, ReminderState State, DateTimeOffset UpdatedAt, string? Error);
