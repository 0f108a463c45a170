namespace ReformBot.Core.Contacts;

/// <summary>
/// A one-time invite: whoever redeems it first, before it expires, becomes a contact of
/// <see cref="Department"/>, or an office member when the department is null.
/// </summary>
/// <param name="Code">The code in its stored form (see <see cref="InviteCode"/>).</param>
/// <param name="Department">Canonical department name; null for an office invite.</param>
/// <param name="RedeemedBy">The id of the contact who redeemed it; null while unused.</param>
public sealed record Invite(
    string Code,
    string? Department,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? RedeemedBy = null,
    DateTimeOffset? RedeemedAt = null)
{
    public bool IsForOffice => Department is null;

    public bool IsRedeemed => RedeemedBy is not null;

    /// <summary>Expired from <see cref="ExpiresAt"/> on: the instant itself is too late.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public InviteState StateAt(DateTimeOffset now) =>
        IsRedeemed ? InviteState.Redeemed : IsExpiredAt(now) ? InviteState.Expired : InviteState.Usable;

    /// <exception cref="ArgumentException">The code is not in stored form, or the invite would expire before or when it is created.</exception>
    public static Invite Create(string code, string? department, DateTimeOffset now, TimeSpan validFor)
    {
        if (!InviteCode.IsNormalized(code)) throw new ArgumentException($"'{code}' is not an invite code.", nameof(code));
        if (department is not null && string.IsNullOrWhiteSpace(department))
            throw new ArgumentException("A department invite needs a department name.", nameof(department));
        if (validFor <= TimeSpan.Zero) throw new ArgumentException("An invite must be valid for some time.", nameof(validFor));
        return new Invite(code, department, now, now + validFor);
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
}
