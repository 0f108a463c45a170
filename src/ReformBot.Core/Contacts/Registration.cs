using ReformBot.Core.Departments;

namespace ReformBot.Core.Contacts;

/// <summary>Who is redeeming an invite: the chat user, and the contact id to use if they are new.</summary>
/// <param name="NewContactId">The id the contact gets if this user has not registered before.</param>
/// <param name="Name">The user's display name in the channel; may be empty.</param>
/// <param name="Address">Where the user wrote from: proactive messages go there.</param>
public sealed record Registrant(string NewContactId, string Name, ConversationAddress Address);

public enum RedemptionResult
{
    /// <summary>A new contact was created.</summary>
    Registered,
    /// <summary>An existing contact got the invite's department (or office membership) added.</summary>
    Joined,
    /// <summary>The contact already has what the invite gives; the invite is left unused (unless they used it themselves).</summary>
    AlreadyMember,
    UnknownCode,
    Expired,
    AlreadyUsed,
    /// <summary>The office revoked the code (作废) before it was used.</summary>
    Revoked,
    /// <summary>The invite is for a generic unit (各有关单位), which nobody can report for until the office maps it.</summary>
    GenericUnit,
}

/// <summary>
/// What came of redeeming an invite. <see cref="Contact"/> is the contact as stored afterwards (or as it
/// already was, for <see cref="RedemptionResult.AlreadyMember"/>); <see cref="Invite"/> is the invite as stored afterwards.
/// </summary>
public sealed record Redemption(RedemptionResult Result, Invite? Invite, Contact? Contact)
{
    public bool Succeeded => Result is RedemptionResult.Registered or RedemptionResult.Joined;
}

/// <summary>The rules of redeeming an invite, without storage: the repository runs them inside one transaction.</summary>
public static class Registration
{
    /// <param name="invite">The invite found for the code, or null.</param>
    /// <param name="existing">The contact already registered from the registrant's channel user, or null.</param>
    public static Redemption Redeem(Invite? invite, Contact? existing, Registrant who, DateTimeOffset now)
    {
        if (invite is null) return new(RedemptionResult.UnknownCode, null, existing);

        // Sending one's own code again is not an error worth alarming anyone about.
        if (existing is not null && invite.RedeemedBy == existing.Id) return new(RedemptionResult.AlreadyMember, invite, existing);

        switch (invite.StateAt(now))
        {
            case InviteState.Redeemed: return new(RedemptionResult.AlreadyUsed, invite, existing);
            case InviteState.Expired: return new(RedemptionResult.Expired, invite, existing);
            case InviteState.Revoked: return new(RedemptionResult.Revoked, invite, existing);
        }

        if (existing is not null && Has(existing, invite)) return new(RedemptionResult.AlreadyMember, invite, existing);
        // An invite made before its unit was known to be generic is not honoured either.
        if (invite.Department is { } unit && GenericUnits.IsGeneric(unit)) return new(RedemptionResult.GenericUnit, invite, existing);

        var contact = existing is null
            ? new Contact(who.NewContactId, who.Name.Trim(), invite.Department is null ? [] : [invite.Department], invite.IsForOffice, who.Address, now)
            : existing with
            {
                Name = string.IsNullOrWhiteSpace(who.Name) ? existing.Name : who.Name.Trim(),
                Departments = invite.Department is null ? existing.Departments : [.. existing.Departments, invite.Department],
                IsOffice = existing.IsOffice || invite.IsForOffice,
                // They wrote from here just now: that is where to reach them.
                Address = who.Address,
                Unreachable = false,
            };
        return new(existing is null ? RedemptionResult.Registered : RedemptionResult.Joined, invite.RedeemBy(contact.Id, now), contact);
    }

    /// <summary>True when the contact already has what the invite would give.</summary>
    public static bool Has(Contact contact, Invite invite) =>
        invite.Department is null ? contact.IsOffice : contact.Departments.Contains(invite.Department, StringComparer.Ordinal);
}
