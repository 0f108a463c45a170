using ReformBot.Core.Contacts;

namespace ReformBot.Host.Storage;

internal sealed class InviteDocument
{
    /// <summary>The code in stored form (upper case, no dashes): looking a code up is a primary-key read.</summary>
    public string Id { get; set; } = "";
    /// <summary>Canonical department name; null for an office invite.</summary>
    public string? Department { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? RedeemedBy { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }

    public static InviteDocument From(Invite invite) => new()
    {
        Id = invite.Code,
        Department = invite.Department,
        CreatedAt = invite.CreatedAt,
        ExpiresAt = invite.ExpiresAt,
        RedeemedBy = invite.RedeemedBy,
        RedeemedAt = invite.RedeemedAt,
    };

    public Invite ToInvite() => new(Id, Department, CreatedAt, ExpiresAt, RedeemedBy, RedeemedAt);
}
