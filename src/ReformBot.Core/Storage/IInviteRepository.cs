using ReformBot.Core.Contacts;

namespace ReformBot.Core.Storage;

/// <summary>One-time invite codes, and redeeming them into contacts.</summary>
public interface IInviteRepository
{
    /// <summary>Stores a new invite; false (and nothing stored) if an invite with its code exists.</summary>
    bool TryAdd(Invite invite);

    /// <param name="code">The code in stored form (<see cref="InviteCode.TryNormalize"/>).</param>
    Invite? Find(string code);

    /// <summary>How many invites are stored. Codes cannot be listed: the store keeps only their hashes.</summary>
    int Count();

    /// <summary>Every stored invite, without its code (the store keeps only the hash), oldest first.</summary>
    IReadOnlyList<StoredInvite> All();

    /// <summary>The stored id (<see cref="StoredInvite.Id"/>) of a code in stored form.</summary>
    string IdOf(string code);

    /// <summary>
    /// Revokes the invite with this stored id, in one transaction with the check that it is still usable, so a
    /// code cannot be both redeemed and revoked. A used, expired or already revoked invite is left unchanged.
    /// On disk when this returns.
    /// </summary>
    /// <param name="by">The office member revoking it; null on the command line.</param>
    Revocation Revoke(string id, string? by, DateTimeOffset now);

    /// <summary>
    /// Redeems the invite atomically with <see cref="Registration.Redeem"/>: the check that it is
    /// unused and unexpired, marking it used, and creating or updating the registrant's contact
    /// happen in one transaction, so two people racing with one code cannot both register. On disk
    /// when this returns.
    /// </summary>
    /// <param name="code">The code in stored form.</param>
    Redemption Redeem(string code, Registrant who, DateTimeOffset now);
}
