using System.Collections.Concurrent;

namespace ReformBot.Host.WebChat;

/// <summary>
/// Short-lived credentials for a streamUrl, so the conversation's token never appears in a URL (and in
/// a proxy's log). Kept in memory: after a restart the client reconnects (GET conversations/{id}) and
/// gets a new one.
/// </summary>
public sealed class StreamTickets(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (TokenGrant Grant, DateTimeOffset Expires)> _tickets = new(StringComparer.Ordinal);

    public string Issue(TokenGrant grant)
    {
        var now = time.GetUtcNow();
        foreach (var (hash, ticket) in _tickets)
            if (ticket.Expires <= now) _tickets.TryRemove(hash, out _);
        var secret = Secrets.New();
        _tickets[Secrets.Hash(secret)] = (grant, now + Lifetime);
        return secret;
    }

    /// <summary>The grant of an unexpired ticket, or null. A ticket may open several sockets (tabs) until it expires.</summary>
    public TokenGrant? Redeem(string? ticket) =>
        !string.IsNullOrEmpty(ticket) && ticket.Length <= 200 && _tickets.TryGetValue(Secrets.Hash(ticket), out var t) && t.Expires > time.GetUtcNow()
            ? t.Grant : null;
}
