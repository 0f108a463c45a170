using System.Security.Cryptography;
using System.Text;
using ReformBot.Core.Contacts;

namespace ReformBot.Host.Storage;

internal sealed class InviteDocument
{
    /// <summary>
    /// SHA-256 of the code in stored form (upper case, no dashes), like download tokens: whoever reads the
    /// file finds no usable code. Looking a code up is a primary-key read of its hash.
    /// </summary>
    public string Id { get; set; } = "";
    /// <summary>Canonical department name; null for an office invite.</summary>
    public string? Department { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? RedeemedBy { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
    /// <summary>The office member who made it in chat; null on the command line (and for invites from before this was kept).</summary>
    public string? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public static InviteDocument From(Invite invite) => new()
    {
        Id = Hash(invite.Code),
        Department = invite.Department,
        CreatedAt = invite.CreatedAt,
        ExpiresAt = invite.ExpiresAt,
        RedeemedBy = invite.RedeemedBy,
        RedeemedAt = invite.RedeemedAt,
        CreatedBy = invite.CreatedBy,
        RevokedAt = invite.RevokedAt,
        RevokedBy = invite.RevokedBy,
    };

    /// <param name="code">The code it was found by: the document keeps only its hash.</param>
    public Invite ToInvite(string code) => new(code, Department, CreatedAt, ExpiresAt, RedeemedBy, RedeemedAt, CreatedBy, RevokedAt, RevokedBy);

    public StoredInvite ToStored() => new(Id, Department, CreatedAt, CreatedBy, ExpiresAt, RedeemedBy, RedeemedAt, RevokedAt, RevokedBy);

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Whether an id is a hash; databases from before hashing hold the plain code (10 characters).</summary>
    public static bool IsHash(string id) => id.Length == 64 && id.All(Uri.IsHexDigit);
}
