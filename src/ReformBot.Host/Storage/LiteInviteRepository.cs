using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteInviteRepository(LiteDbStore store) : IInviteRepository
{
    public bool TryAdd(Invite invite)
    {
        var added = store.InSerializedTransaction(() =>
        {
            if (store.Invites.Exists(i => i.Id == invite.Code)) return false;
            store.Invites.Insert(InviteDocument.From(invite));
            return true;
        });
        // The office hands the code out right after this returns: it must survive a crash.
        if (added) store.Checkpoint();
        return added;
    }

    public Invite? Find(string code) => store.Invites.FindById(code)?.ToInvite();

    public IReadOnlyList<Invite> All() =>
        store.Invites.FindAll().Select(i => i.ToInvite()).OrderBy(i => i.CreatedAt).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();

    public Redemption Redeem(string code, Registrant who, DateTimeOffset now)
    {
        // Never await in here: LiteDB binds the transaction to this thread.
        var redemption = store.InSerializedTransaction(() =>
        {
            var invite = store.Invites.FindById(code)?.ToInvite();
            var key = ContactDocument.ChannelUserKey(who.Address.ChannelId, who.Address.UserId);
            var existing = store.Contacts.FindOne(c => c.ChannelUser == key)?.ToContact();
            var result = Registration.Redeem(invite, existing, who, now);
            if (result.Succeeded)
            {
                store.Invites.Update(InviteDocument.From(result.Invite!));
                store.Contacts.Upsert(ContactDocument.From(result.Contact!));
            }
            return result;
        });
        // The contact is told they are registered right after this returns.
        if (redemption.Succeeded) store.Checkpoint();
        return redemption;
    }
}
