namespace ReformBot.Core.Contacts;

/// <summary>
/// A department contact (联络员) or an office member, registered from a chat channel.
/// <see cref="Address"/> is what is needed to message them later without them writing first.
/// </summary>
/// <param name="Unreachable">A message to them failed for good (they removed the bot); nothing more is sent.</param>
/// <param name="DigestSubscribed">They asked for the weekly digest (订阅).</param>
public sealed record Contact(
    string Id,
    string Name,
    IReadOnlyList<string> Departments,
    bool IsOffice,
    ConversationAddress Address,
    DateTimeOffset RegisteredAt,
    bool Unreachable = false,
    bool DigestSubscribed = false)
{
    /// <summary>The first characters of the id: enough to tell contacts apart in a listing and to name one (移除联络员).</summary>
    public string ShortId => Id.Length <= ShortIdLength ? Id : Id[..ShortIdLength];

    public const int ShortIdLength = 6;

    /// <summary>Only a registered contact of a department reports for it.</summary>
    public bool ReportsFor(string department) => Departments.Contains(department, StringComparer.Ordinal);
}

/// <summary>Where a contact is reached: the parts of a Bot Framework conversation reference that matter.</summary>
public sealed record ConversationAddress(
    string ChannelId, string ServiceUrl, string ConversationId, string UserId, string? TenantId, string? BotId);
