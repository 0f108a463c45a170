using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Contacts;

/// <summary>
/// 邀请码 / 作废 and `invites` / `invites revoke`: the open invite codes (unused, unexpired, not revoked)
/// and revoking one. The store keeps only the hash of a code, so a code cannot be shown again: an invite
/// is named by its short id (<see cref="StoredInvite.ShortId"/>) or by the full code, if the office still has it.
/// </summary>
public sealed class InviteCodes(IInviteRepository invites, IContactRepository contacts, TimeProvider time, TextFormat format, MessageCatalog messages)
{
    /// <summary>What came of a revocation, as the office reads it; <paramref name="Changed"/> whether the invite was revoked.</summary>
    public sealed record Outcome(bool Changed, string Text, StoredInvite? Invite);

    /// <summary>The invites that can still be redeemed, oldest first.</summary>
    public IReadOnlyList<StoredInvite> Open()
    {
        var now = time.GetUtcNow();
        return invites.All().Where(i => i.StateAt(now) == InviteState.Usable).ToList();
    }

    /// <summary>The open invites as the office reads them: short id, whom for, made when and by whom, expiry.</summary>
    public string Text(IReadOnlyList<StoredInvite> open) =>
        open.Count == 0
            ? messages[MessageKeys.Invite.ListNone]
            : messages.Format(MessageKeys.Invite.ListHeader, open.Count)
              + string.Concat(open.Select(i => "\n" + messages.Format(MessageKeys.Invite.ListLine,
                  i.ShortId, For(i), format.LocalTime(i.CreatedAt), CreatorName(i.CreatedBy), format.LocalTime(i.ExpiresAt))))
              + "\n" + messages[MessageKeys.Invite.ListFooter];

    /// <summary>Whom an invite is for: the department, or the office.</summary>
    public string For(StoredInvite invite) => invite.Department ?? messages[MessageKeys.Invite.ForOffice];

    /// <summary>The name of whoever made an invite: a contact's name, or the command line.</summary>
    public string? CreatorName(string? contactId) =>
        contactId is null ? messages[MessageKeys.Invite.ByCommandLine]
        : contacts.Find(contactId) is { } contact ? format.ContactName(contact)
        : contactId.Length <= Contact.ShortIdLength ? contactId : contactId[..Contact.ShortIdLength];

    /// <summary>
    /// Revokes the invite named by <paramref name="idOrCode"/>: the full code (any way it may be typed) or
    /// the start of its short id. Anything else, or a name shared by several invites, changes nothing.
    /// </summary>
    /// <param name="requesterId">The office member asking; null on the command line.</param>
    public Outcome Revoke(string idOrCode, string? requesterId)
    {
        var typed = idOrCode.Trim();
        if (typed.Length == 0) return Refused(messages[MessageKeys.Invite.RevokeUsage]);
        string id;
        if (InviteCode.TryNormalize(typed, out var code))
        {
            id = invites.IdOf(code);
        }
        else
        {
            // A short id: the start of the stored hash, in hex; ids of every invite, so the answer can say a used one is used.
            var prefix = typed.ToUpperInvariant();
            var matches = prefix.Length >= MinimumIdLength && prefix.All(Uri.IsHexDigit)
                ? invites.All().Where(i => i.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList()
                : [];
            if (matches.Count > 1)
                return Refused(messages.Format(MessageKeys.Invite.RevokeAmbiguous, typed, string.Join("\n", matches.Select(i =>
                    messages.Format(MessageKeys.Invite.RevokeCandidate, i.ShortId, For(i), format.LocalTime(i.CreatedAt))))));
            if (matches.Count == 0) return Refused(messages.Format(MessageKeys.Invite.RevokeNotFound, typed));
            id = matches[0].Id;
        }

        var revocation = invites.Revoke(id, requesterId, time.GetUtcNow());
        var i = revocation.Invite;
        return revocation.Result switch
        {
            // An office member's code is made on the command line (admin-invite), not with 邀请.
            RevocationResult.Revoked => new Outcome(true, messages.Format(i!.Department is null ? MessageKeys.Invite.RevokedOffice : MessageKeys.Invite.Revoked,
                i.ShortId, For(i), format.LocalTime(i.CreatedAt)), i),
            RevocationResult.UnknownId => Refused(messages.Format(MessageKeys.Invite.RevokeNotFound, typed)),
            RevocationResult.AlreadyUsed => Refused(messages.Format(MessageKeys.Invite.RevokeUsed, i!.ShortId, For(i), format.LocalTime(i.RedeemedAt!.Value),
                CreatorName(i.RedeemedBy))),
            RevocationResult.AlreadyRevoked => Refused(messages.Format(MessageKeys.Invite.RevokeAlready, i!.ShortId, For(i), format.LocalTime(i.RevokedAt!.Value))),
            RevocationResult.Expired => Refused(messages.Format(MessageKeys.Invite.RevokeExpired, i!.ShortId, For(i), format.LocalTime(i.ExpiresAt))),
            _ => throw new InvalidOperationException($"Unexpected revocation result {revocation.Result}."),
        };
    }

    /// <summary>Fewer hex characters than this name too many invites to be meant as an id.</summary>
    private const int MinimumIdLength = 4;

    private static Outcome Refused(string text) => new(false, text, null);
}
