using ReformBot.Core.Reminders;

namespace ReformBot.Core.Storage;

/// <summary>
/// What reminders went out, kept across restarts so that no reminder is sent twice: a reminder is
/// claimed before it is sent and marked after.
/// </summary>
public interface IReminderLog
{
    /// <summary>Claims the reminder for sending; false if it was claimed before (whatever came of it).</summary>
    bool TryClaim(ReminderKey key, DateTimeOffset at);

    void MarkSent(ReminderKey key, DateTimeOffset at);

    void MarkFailed(ReminderKey key, DateTimeOffset at, string error);

    /// <summary>Gives a claim back after a send that failed for now, so that a later run tries again.</summary>
    void Release(ReminderKey key);

    /// <summary>Every reminder of the period, whatever its state.</summary>
    IReadOnlyList<ReminderRecord> ForPeriod(Periods.Quarter period);

    ReminderRecord? Find(ReminderKey key);

    /// <summary>Reminders claimed but never marked: a fan-out interrupted by a crash.</summary>
    IReadOnlyList<ReminderRecord> Unfinished();
}
