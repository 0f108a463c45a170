using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

/// <summary>
/// Contacts, read from a copy in memory that is made again after any change: every turn looks its
/// speaker up, and contacts (a few hundred) change only when someone registers or is removed.
/// </summary>
public sealed class LiteContactRepository(LiteDbStore store) : IContactRepository
{
    private volatile Snapshot? _snapshot;

    public Contact? Find(string id) => Current().ById.GetValueOrDefault(id);

    public Contact? FindByUser(string channelId, string userId) =>
        Current().ByUser.GetValueOrDefault(ContactDocument.ChannelUserKey(channelId, userId));

    public IReadOnlyList<Contact> All() => Current().All;

    public IReadOnlyList<Contact> OfDepartment(string department) =>
        Current().All.Where(c => c.Departments.Contains(department, StringComparer.Ordinal)).ToList();

    public void Save(Contact contact)
    {
        store.InSerializedTransaction(() => store.Contacts.Upsert(ContactDocument.From(contact)));
        store.ContactsChanged();
        store.FlushToDisk();
    }

    public bool Remove(string id)
    {
        var removed = store.InSerializedTransaction(() => store.Contacts.Delete(id));
        store.ContactsChanged();
        store.FlushToDisk();
        return removed;
    }

    public Contact? Update(string id, Func<Contact, Contact> change)
    {
        var changed = store.InSerializedTransaction(() =>
        {
            if (store.Contacts.FindById(id)?.ToContact() is not { } contact) return null;
            var after = change(contact);
            store.Contacts.Update(ContactDocument.From(after));
            return after;
        });
        store.ContactsChanged();
        store.FlushToDisk();
        return changed;
    }

    private Snapshot Current()
    {
        var snapshot = _snapshot;
        var version = store.ContactsVersion;
        if (snapshot?.Version == version) return snapshot;
        // The version is read before the contacts: a change committed meanwhile makes this copy stale at once.
        var documents = store.Contacts.FindAll().ToList();
        var all = documents.Select(d => d.ToContact()).ToList();
        snapshot = new Snapshot(version, all,
            all.ToDictionary(c => c.Id, StringComparer.Ordinal),
            documents.Zip(all).ToDictionary(p => p.First.ChannelUser, p => p.Second, StringComparer.Ordinal));
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(long Version, IReadOnlyList<Contact> All, IReadOnlyDictionary<string, Contact> ById, IReadOnlyDictionary<string, Contact> ByUser);
}
