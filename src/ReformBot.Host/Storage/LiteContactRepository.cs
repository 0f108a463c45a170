using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteContactRepository(LiteDbStore store) : IContactRepository
{
    public Contact? Find(string id) => store.Contacts.FindById(id)?.ToContact();

    public Contact? FindByUser(string channelId, string userId)
    {
        var key = ContactDocument.ChannelUserKey(channelId, userId);
        return store.Contacts.FindOne(c => c.ChannelUser == key)?.ToContact();
    }

    public IReadOnlyList<Contact> All() => store.Contacts.FindAll().Select(c => c.ToContact()).ToList();

    public IReadOnlyList<Contact> OfDepartment(string department) =>
        store.Contacts.Find(LiteDB.BsonExpression.Create("$.Departments[*] ANY = @0", new LiteDB.BsonValue(department))).Select(c => c.ToContact()).ToList();

    public void Save(Contact contact)
    {
        store.InSerializedTransaction(() => store.Contacts.Upsert(ContactDocument.From(contact)));
        store.Checkpoint();
    }

    public bool Remove(string id)
    {
        var removed = store.InSerializedTransaction(() => store.Contacts.Delete(id));
        store.Checkpoint();
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
        store.Checkpoint();
        return changed;
    }
}
