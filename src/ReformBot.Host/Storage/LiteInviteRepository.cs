using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

/// <summary>Invites keyed by the hash of their code (see <see cref="InviteDocument.Id"/>).</summary>
public sealed class LiteInviteRepository(LiteDbStore store) : IInviteRepository
{
    public bool TryAdd(Invite invite)
    {
        var id = InviteDocument.Hash(invite.Code);
        var added = store.InSerializedTransaction(() =>
        {
            if (store.Invites.Exists(i => i.Id == id)) return false;
            store.Invites.Insert(InviteDocument.From(invite));
            return true;
        });
        // The office hands the code out right after this returns: it must survive a crash.
        if (added) store.FlushToDisk();
        return added;
    }

    public Invite? Find(string code) => store.Invites.FindById(InviteDocument.Hash(code))?.ToInvite(code);

    public int Count() => store.Invites.Count();

    public IReadOnlyList<StoredInvite> All() =>
        store.Invites.FindAll().Select(i => i.ToStored()).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    public string IdOf(string code) => InviteDocument.Hash(code);

    public Revocation Revoke(string id, string? by, DateTimeOffset now)
    {
        var revocation = store.InSerializedTransaction(() =>
        {
            var document = store.Invites.FindById(id);
            if (document is null) return new Revocation(RevocationResult.UnknownId, null);
            var result = document.ToStored().StateAt(now) switch
            {
                InviteState.Redeemed => RevocationResult.AlreadyUsed,
                InviteState.Revoked => RevocationResult.AlreadyRevoked,
                InviteState.Expired => RevocationResult.Expired,
                _ => RevocationResult.Revoked,
            };
            if (result == RevocationResult.Revoked)
            {
                document.RevokedAt = now;
                document.RevokedBy = by;
                store.Invites.Update(document);
            }
            return new Revocation(result, document.ToStored());
        });
        // The office tells the department the code is void right after this returns.
        if (revocation.Result == RevocationResult.Revoked) store.FlushToDisk();
        return revocation;
    }

    public Redemption Redeem(string code, Registrant who, DateTimeOffset now)
    {
        var id = InviteDocument.Hash(code);
        // Never await in here: LiteDB binds the transaction to this thread.
        var redemption = store.InSerializedTransaction(() =>
        {
            var invite = store.Invites.FindById(id)?.ToInvite(code);
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
        if (redemption.Succeeded)
        {
            store.ContactsChanged();
            store.FlushToDisk();
        }
        return redemption;
    }
}
