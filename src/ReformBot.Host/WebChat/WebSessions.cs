using ReformBot.Core.Contacts;
using ReformBot.Host.Contacts;
using ReformBot.Host.Storage;

namespace ReformBot.Host.WebChat;

/// <summary>The Web Chat browsers in LiteDB (by cookie hash), as the office sees and ends them.</summary>
public sealed class WebSessions(LiteDbStore store) : IWebSessions
{
    public bool IsWebAddress(ConversationAddress address) => LocalConnector.IsOwn(address.ServiceUrl);

    public IReadOnlyDictionary<string, DateTimeOffset> LastVisits() =>
        store.WebChatBrowsers.FindAll()
            .GroupBy(b => b.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(b => b.LastSeenAt), StringComparer.Ordinal);

    public int SignOut(string userId) => store.InTransaction(() =>
    {
        store.DirectLineTokens.DeleteMany(t => t.UserId == userId);
        return store.WebChatBrowsers.DeleteMany(b => b.UserId == userId);
    });
}
