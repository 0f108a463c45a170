using ReformBot.Core.Reminders;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteReminderLog(LiteDbStore store) : IReminderLog
{
    public bool TryClaim(ReminderKey key, DateTimeOffset at)
    {
        // Check, then insert: serialized, or two claims could both pass the check and one insert would throw.
        var claimed = store.InSerializedTransaction(() =>
        {
            var id = ReminderDocument.IdOf(key);
            if (store.Reminders.Exists(r => r.Id == id)) return false;
            store.Reminders.Insert(new ReminderDocument
            {
                Id = id, Period = key.Period.ToString(), ContactId = key.ContactId, Kind = key.Kind,
                State = ReminderState.Sending, UpdatedAt = at,
            });
            return true;
        });
        // The claim must be on disk before the message leaves, or a crash could send it twice.
        if (claimed) store.FlushToDisk();
        return claimed;
    }

    public void MarkSent(ReminderKey key, DateTimeOffset at) => Mark(key, ReminderState.Sent, at, null);

    public void MarkFailed(ReminderKey key, DateTimeOffset at, string error) => Mark(key, ReminderState.Failed, at, error);

    public void Release(ReminderKey key)
    {
        store.Reminders.Delete(ReminderDocument.IdOf(key));
        store.FlushToDisk();
    }

    public IReadOnlyList<ReminderRecord> ForPeriod(Core.Periods.Quarter period)
    {
        var text = period.ToString();
        return store.Reminders.Find(r => r.Period == text).Select(r => r.ToRecord()).ToList();
    }

    public ReminderRecord? Find(ReminderKey key) => store.Reminders.FindById(ReminderDocument.IdOf(key))?.ToRecord();

    public IReadOnlyList<ReminderRecord> Unfinished() =>
        store.Reminders.Find(r => r.State == ReminderState.Sending).Select(r => r.ToRecord()).ToList();

    private void Mark(ReminderKey key, ReminderState state, DateTimeOffset at, string? error)
    {
        var document = store.Reminders.FindById(ReminderDocument.IdOf(key))
            ?? throw new InvalidOperationException($"Reminder {ReminderDocument.IdOf(key)} was never claimed.");
        document.State = state;
        document.UpdatedAt = at;
        document.Error = error;
        store.Reminders.Update(document);
        store.FlushToDisk();
    }
}
