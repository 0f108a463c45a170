using ReformBot.Core.Contacts;

namespace ReformBot.Core.Storage;

public interface IContactRepository
{
    Contact? Find(string id);

    /// <summary>The contact registered from this channel user, if any.</summary>
    Contact? FindByUser(string channelId, string userId);

    IReadOnlyList<Contact> All();

    IReadOnlyList<Contact> OfDepartment(string department);

    /// <summary>Adds the contact or replaces the stored one with the same id.</summary>
    void Save(Contact contact);

    /// <summary>Removes the contact; false if there is none with that id. On disk when this returns.</summary>
    bool Remove(string id);

    /// <summary>
    /// Changes a stored contact atomically (read, change, write with no other writer in between);
    /// returns the changed contact, or null if there is none with that id.
    /// </summary>
    Contact? Update(string id, Func<Contact, Contact> change);
}
