using System.Collections.Concurrent;
using System.Globalization;
using LiteDB;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using ReformBot.Host.Storage;

namespace ReformBot.Host.WebChat;

/// <summary>What a valid token grants: one user in one conversation.</summary>
public sealed record TokenGrant(string ConversationId, string UserId);

/// <summary>A token as the client receives it.</summary>
public sealed record IssuedToken(string Token, int ExpiresInSeconds);

/// <summary>An activity of a transcript, as stored: its watermark and its JSON.</summary>
public sealed record StoredActivity(long Watermark, string Json);

/// <summary>
/// The built-in channel's state in LiteDB: conversations, their transcripts with increasing watermarks,
/// tokens and browsers (both by hash only). Appending wakes whoever waits on the conversation (sockets).
/// </summary>
public sealed class DirectLineStore(LiteDbStore store, TimeProvider time, IOptions<DirectLineOptions> options)
{
    internal static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore, Formatting = Formatting.None };

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    public string CreateConversation(string userId)
    {
        var conversation = new DirectLineConversationDocument { Id = Secrets.NewId(), UserId = userId, CreatedAt = time.GetUtcNow() };
        store.DirectLineConversations.Insert(conversation);
        return conversation.Id;
    }

    /// <summary>The conversation's owner, or null for an unknown conversation.</summary>
    public string? OwnerOf(string conversationId) => store.DirectLineConversations.FindById(conversationId)?.UserId;

    /// <summary>
    /// Stores the activity with the conversation's next watermark, an id made from it, and the server's
    /// time; returns the id, or null for an unknown conversation.
    /// </summary>
    public string? Append(string conversationId, Activity activity)
    {
        var id = store.InSerializedTransaction(() =>
        {
            var conversation = store.DirectLineConversations.FindById(conversationId);
            if (conversation is null) return null;
            var watermark = ++conversation.LastWatermark;
            activity.Id = ActivityId(conversationId, watermark);
            activity.Timestamp = time.GetUtcNow();
            activity.Conversation ??= new ConversationAccount();
            activity.Conversation.Id = conversationId;
            store.DirectLineActivities.Insert(new DirectLineActivityDocument
            {
                Id = activity.Id,
                ConversationId = conversationId,
                Watermark = watermark,
                Json = JsonConvert.SerializeObject(activity, Json),
                CreatedAtTicks = activity.Timestamp.Value.UtcTicks,
            });
            store.DirectLineConversations.Update(conversation);
            return activity.Id;
        });
        if (id is not null && _signals.TryRemove(conversationId, out var signal)) signal.TrySetResult();
        return id;
    }

    /// <summary>The conversation's activities after the watermark, oldest first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<StoredActivity> After(string conversationId, long watermark, int max = 500)
    {
        // The ids sort by watermark within a conversation: a range scan of the primary key.
        var from = ActivityId(conversationId, watermark + 1);
        var to = ActivityId(conversationId, long.MaxValue / 10);
        return store.DirectLineActivities.Query()
            .Where(Query.Between("_id", from, to))
            .Limit(max)
            .ToEnumerable()
            .Select(a => new StoredActivity(a.Watermark, a.Json))
            .ToList();
    }

    /// <summary>The conversation's latest watermark (0 before any activity).</summary>
    public long LastWatermark(string conversationId) => store.DirectLineConversations.FindById(conversationId)?.LastWatermark ?? 0;

    /// <summary>
    /// A task that completes at the next append to the conversation. Take it before reading, so an append
    /// between the read and the wait is not missed.
    /// </summary>
    public Task NextAppend(string conversationId) =>
        _signals.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public IssuedToken IssueToken(string conversationId, string userId)
    {
        var token = Secrets.New();
        var lifetime = TimeSpan.FromMinutes(options.Value.TokenMinutes);
        store.DirectLineTokens.Insert(new DirectLineTokenDocument
        {
            Id = Secrets.Hash(token),
            ConversationId = conversationId,
            UserId = userId,
            ExpiresAtTicks = (time.GetUtcNow() + lifetime).UtcTicks,
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }

    /// <summary>What the token grants, or null when it is unknown or expired.</summary>
    public TokenGrant? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var stored = store.DirectLineTokens.FindById(Secrets.Hash(token));
        return stored is not null && stored.ExpiresAtTicks > time.GetUtcNow().UtcTicks ? new TokenGrant(stored.ConversationId, stored.UserId) : null;
    }

    /// <summary>The browser of a cookie, or null when the cookie is unknown or was revoked.</summary>
    internal WebChatBrowserDocument? Browser(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 200) return null;
        return store.WebChatBrowsers.FindById(Secrets.Hash(cookie));
    }

    /// <summary>A new browser: a user of its own with one conversation. Returns the cookie's value.</summary>
    internal (string Cookie, WebChatBrowserDocument Browser) NewBrowser()
    {
        var cookie = Secrets.New();
        var userId = "web-" + Secrets.NewId();
        var now = time.GetUtcNow();
        var browser = new WebChatBrowserDocument
        {
            Id = Secrets.Hash(cookie), UserId = userId, ConversationId = CreateConversation(userId), CreatedAt = now, LastSeenAt = now,
        };
        store.WebChatBrowsers.Insert(browser);
        return (cookie, browser);
    }

    internal void Seen(WebChatBrowserDocument browser)
    {
        browser.LastSeenAt = time.GetUtcNow();
        store.WebChatBrowsers.Update(browser);
    }

    /// <summary>Deletes activities older than the retention and expired tokens; returns the activities deleted.</summary>
    public int Prune()
    {
        var now = time.GetUtcNow();
        var before = (now - TimeSpan.FromDays(options.Value.TranscriptDays)).UtcTicks;
        var deleted = store.DirectLineActivities.DeleteMany(a => a.CreatedAtTicks < before);
        store.DirectLineTokens.DeleteMany(t => t.ExpiresAtTicks <= now.UtcTicks);
        return deleted;
    }

    private static string ActivityId(string conversationId, long watermark) =>
        conversationId + "|" + watermark.ToString("D18", CultureInfo.InvariantCulture);
}
