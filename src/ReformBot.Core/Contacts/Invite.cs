namespace ReformBot.Core.Contacts;

/// <summary>
/// A one-time invite: whoever redeems it first, before it expires, becomes a contact of
/// <see cref="Department"/>, or an office member when the department is null.
/// </summary>
/// <param name="Code">The code in its stored form (see <see cref="InviteCode"/>).</param>
/// <param name="Department">Canonical department name; null for an office invite.</param>
/// <param name="RedeemedBy">The id of the contact who redeemed it; null while unused.</param>
/// <param name="CreatedBy">The id of the office member who made it in chat; null when made on the command line.</param>
/// <param name="RevokedAt">When the office revoked it (作废); null while not revoked.</param>
/// <param name="RevokedBy">The id of the office member who revoked it; null on the command line or while not revoked.</param>
public sealed record Invite(
    string Code,
    string? Department,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? RedeemedBy = null,
    DateTimeOffset? RedeemedAt = null,
    string? CreatedBy = null,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    public bool IsForOffice => Department is null;

    public bool IsRedeemed => RedeemedBy is not null;

    /// <summary>Expired from <see cref="ExpiresAt"/> on: the instant itself is too late.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public InviteState StateAt(DateTimeOffset now) => StateOf(IsRedeemed, RevokedAt is not null, ExpiresAt, now);

    /// <summary>
    /// The one rule of an invite's state: used beats revoked (a used code cannot be revoked), revoked beats
    /// expired (the office's act is the reason it cannot be used), and expired from <paramref name="expiresAt"/> on.
    /// </summary>
    public static InviteState StateOf(bool redeemed, bool revoked, DateTimeOffset expiresAt, DateTimeOffset now) =>
        redeemed ? InviteState.Redeemed : revoked ? InviteState.Revoked : now >= expiresAt ? InviteState.Expired : InviteState.Usable;

    /// <param name="createdBy">The office member who asks for it in chat; null on the command line.</param>
    /// <exception cref="ArgumentException">The code is not in stored form, or the invite would expire before or when it is created.</exception>
    public static Invite Create(string code, string? department, DateTimeOffset now, TimeSpan validFor, string? createdBy = null)
    {
        if (!InviteCode.IsNormalized(code)) throw new ArgumentException($"'{code}' is not an invite code.", nameof(code));
        if (department is not null && string.IsNullOrWhiteSpace(department))
            throw new ArgumentException("A department invite needs a department name.", nameof(department));
        if (validFor <= TimeSpan.Zero) throw new ArgumentException("An invite must be valid for some time.", nameof(validFor));
        return new Invite(code, department, now, now + validFor, CreatedBy: createdBy);
    }

    /// <summary>The invite marked as used by <paramref name="contactId"/>.</summary>
    /// <exception cref="InvalidOperationException">It is used already or expired.</exception>
    public Invite RedeemBy(string contactId, DateTimeOffset now)
    {
        var state = StateAt(now);
        if (state != InviteState.Usable) throw new InvalidOperationException($"Invite {Code} is {state} and cannot be redeemed.");
        return this with { RedeemedBy = contactId, RedeemedAt = now };
    }
}

public enum InviteState
{
    Usable,
    Expired,
    Redeemed,
    /// <summary>The office revoked it (作废) before anyone used it.</summary>
    Revoked,
}

/// <summary>
/// A stored invite as the office lists it: the store keeps only the hash of a code, so the code itself
/// cannot be shown again; <see cref="ShortId"/>, the start of the hash, names it instead.
/// </summary>
/// <param name="Id">The stored id: the hex SHA-256 of the code.</param>
/// <param name="Department">Canonical department name; null for an office invite.</param>
/// <param name="CreatedBy">The office member who made it in chat; null when made on the command line.</param>
public sealed record StoredInvite(
    string Id,
    string? Department,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset ExpiresAt,
    string? RedeemedBy,
    DateTimeOffset? RedeemedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    /// <summary>Characters of <see cref="ShortId"/>: short to type on a phone, long enough that two open codes rarely share one.</summary>
    public const int ShortIdLength = 6;

    /// <summary>The first characters of the hash, lower case (so it never reads like a code, which is upper case).</summary>
    public string ShortId => (Id.Length <= ShortIdLength ? Id : Id[..ShortIdLength]).ToLowerInvariant();

    public InviteState StateAt(DateTimeOffset now) => Invite.StateOf(RedeemedBy is not null, RevokedAt is not null, ExpiresAt, now);
}

public enum RevocationResult
{
    Revoked,
    UnknownId,
    AlreadyUsed,
    AlreadyRevoked,
    Expired,
}

/// <summary>What came of revoking an invite; <see cref="Invite"/> as stored afterwards (null for an unknown id).</summary>
public sealed record Revocation(RevocationResult Result, StoredInvite? Invite);
