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
}
