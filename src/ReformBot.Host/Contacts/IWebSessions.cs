using ReformBot.Core.Contacts;

namespace ReformBot.Host.Contacts;

/// <summary>
/// The browsers signed in on the built-in Web Chat channel, as the office manages contacts: when each
/// user last visited, and ending a user's browser sessions. Implemented by the channel (WebChat), so
/// that contacts do not depend on it.
/// </summary>
public interface IWebSessions
{
    /// <summary>Whether the address is on the built-in channel (Azure's Web Chat has the same channel id, but no sessions here).</summary>
    bool IsWebAddress(ConversationAddress address);

    /// <summary>The latest visit of each user that has a signed-in browser, by user id.</summary>
    IReadOnlyDictionary<string, DateTimeOffset> LastVisits();

    /// <summary>Signs out every browser of the user and ends its tokens: the next visit is a new anonymous user. Returns how many browsers.</summary>
    int SignOut(string userId);
}
