using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Bot.State;

/// <summary>
/// The Bot Framework's storage (behind ConversationState and UserState) in the collection
/// "botstate" of the one LiteDB file. It behaves like the SDK's MemoryStorage, except that a
/// write of several keys is all or nothing and survives a restart: a draft report lives in
/// conversation state. Each write is committed to LiteDB's log; with <paramref name="flushEveryWrite"/>
/// it is also forced to disk before the write returns (see <see cref="BotStateOptions"/>).
/// </summary>
/// <remarks>
/// ETags, as in MemoryStorage:
/// <list type="bullet">
/// <item>Only values that are <see cref="IStoreItem"/> are checked, and each such write stores a
/// fresh ETag, which reads return in <see cref="IStoreItem.ETag"/>. The object passed to a write
/// keeps its ETag; read the key again to learn the new one.</item>
/// <item>When the key holds an ETag, an <see cref="IStoreItem"/> must name it, or name "*" to
/// overwrite regardless. Any other ETag, including null and "", fails with an
/// <see cref="ArgumentException"/> whose message begins "Etag conflict.".</item>
/// <item>When the key is absent or holds no ETag, any ETag is accepted.</item>
/// <item>Other values (bot state property bags, POCOs, JObjects) are written unconditionally and get
/// no ETag of their own; a top-level "eTag" property they serialize to becomes the stored ETag,
/// as MemoryStorage reads it back from the stored JSON.</item>
/// <item>Writing null removes the key.</item>
/// </list>
/// </remarks>
public sealed class LiteDbBotStorage(LiteDbStore store, bool flushEveryWrite = false) : IStorage
{
    private static readonly JsonSerializerSettings JsonSettings = new()
    {
        // Type names let the SDK's state property bags and IStoreItem classes come back as their types. Only
        // where the declared type does not say it (the value itself, a property bag's entries): a draft's
        // lists and dictionaries named theirs every time, most of the text and of its writing and reading.
        // Reading honours a type name wherever one is, so state written with one on every object still loads.
        TypeNameHandling = TypeNameHandling.Auto,
        // "Namespace.Type, Assembly" without a version, so stored state outlives an upgrade.
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Simple,
        NullValueHandling = NullValueHandling.Include,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        // MemoryStorage never parses text; here a string that looks like a date must stay a string.
        DateParseHandling = DateParseHandling.None,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(JsonSettings);

    // Reading the stored ETag and writing the new value must be one step for every writer:
    // a LiteDB transaction alone lets two writers read the same version.
    private readonly Lock _writeLock = new();

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ThrowIfNullOrHasNull(keys, nameof(keys));
        cancellationToken.ThrowIfCancellationRequested();

        var wanted = keys.Distinct(StringComparer.Ordinal).Select(key => (Key: key, Id: IdOf(key))).ToList();
        // One transaction: a batch written meanwhile is seen entirely or not at all.
        var found = store.InTransaction(() => wanted
            .Select(w => (w.Key, Document: store.BotState.FindById(w.Id)))
            .Where(f => f.Document is not null)
            .ToList());

        IDictionary<string, object> items = new Dictionary<string, object>(found.Count, StringComparer.Ordinal);
        foreach (var (key, document) in found)
            items[key] = Deserialize(document);
        return Task.FromResult(items);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();

        // Serialize outside the lock; only the comparison and the writes need it.
        var writes = changes.Select(change => PendingWrite.Of(change.Key, change.Value)).ToList();
        if (writes.Count == 0)
            return Task.CompletedTask;

        lock (_writeLock)
        {
            store.InTransaction(() =>
            {
                // A conflict throws out of the transaction, which rolls back what this batch wrote before it.
                foreach (var write in writes)
                {
                    // Only a conditional write reads what it replaces (the bot's state bags never are).
                    if (write.IsConditional)
                        ThrowOnConflict(write, store.BotState.FindById(write.Id));
                    if (write.Document is not null)
                        store.BotState.Upsert(write.Document);
                    else
                        store.BotState.Delete(write.Id);
                }
                return writes.Count;
            });
        }
        // Outside the lock, so that writes at the same moment share one flush.
        if (flushEveryWrite) store.FlushToDisk();
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ThrowIfNullOrHasNull(keys, nameof(keys));
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Length == 0)
            return Task.CompletedTask;

        var ids = keys.Select(IdOf).Distinct(StringComparer.Ordinal).ToList();
        int deleted;
        lock (_writeLock)
            deleted = store.InTransaction(() => ids.Count(id => store.BotState.Delete(id)));
        if (deleted > 0 && flushEveryWrite)
            store.FlushToDisk();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The document id of a storage key: SHA-256 of its UTF-16 code units, in lowercase hex. Keys
    /// differing only in case (or in an unpaired surrogate, which UTF-8 would replace) stay apart,
    /// and the id fits LiteDB's index whatever the key's length.
    /// </summary>
    internal static string IdOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(key.AsSpan())));

    /// <summary>
    /// The JSON text of a value, written straight to text. LiteDB stores strings as strict UTF-8 and throws
    /// on an unpaired surrogate (half an emoji, cut off by code that shortens a text), and Newtonsoft.Json
    /// reads an escaped one back as U+FFFD anyway; so such a surrogate is stored as U+FFFD rather than
    /// failing the write. Every well-formed text is stored exactly.
    /// </summary>
    private static string JsonText(object value)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
            // Declared as object, so that the value's own type is named and it comes back as that type.
            Serializer.Serialize(writer, value, typeof(object));
        return WellFormed(text.ToString());
    }

    /// <summary>The key as LiteDB can store it. Only people read it; the id is computed from the exact key.</summary>
    private static string Readable(string key) => WellFormed(key);

    private static string WellFormed(string text) =>
        HasUnpairedSurrogate(text) ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) : text;

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
                continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                return true;
            i++;
        }
        return false;
    }

    private static object Deserialize(BotStateDocument document)
    {
        using var reader = new JsonTextReader(new StringReader(document.Json));
        var value = Serializer.Deserialize<object>(reader)
            ?? throw new InvalidDataException($"Bot state \"{document.Key}\" holds null.");
        if (value is IStoreItem item && document.ETag is not null)
            item.ETag = document.ETag;
        return value;
    }

    private static void ThrowOnConflict(PendingWrite write, BotStateDocument? current)
    {
        var currentETag = current?.ETag;
        if (currentETag is null || write.ExpectedETag == "*" || write.ExpectedETag == currentETag)
            return;
        throw new ArgumentException(
            $"Etag conflict.\r\n\r\nKey: {write.Key}\r\nOriginal: {write.ExpectedETag}\r\nCurrent: {currentETag}");
    }

    private static void ThrowIfNullOrHasNull(string[] keys, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(keys, parameterName);
        if (Array.IndexOf(keys, null) >= 0)
            throw new ArgumentNullException(parameterName, "A storage key is null.");
    }

    /// <summary>One entry of a write: the document to store (null to remove the key) and, for an
    /// <see cref="IStoreItem"/>, the ETag it expects to replace.</summary>
    private sealed record PendingWrite(string Key, string Id, bool IsConditional, string? ExpectedETag, BotStateDocument? Document)
    {
        public static PendingWrite Of(string key, object? value)
        {
            if (key is null)
                throw new ArgumentNullException("changes", "A storage key is null.");
            var id = IdOf(key);
            if (value is null)
                return new PendingWrite(key, id, false, null, null);

            var document = new BotStateDocument { Id = id, Key = Readable(key), Json = JsonText(value) };
            if (value is IStoreItem item)
            {
                document.ETag = Guid.NewGuid().ToString("N");
                return new PendingWrite(key, id, true, item.ETag, document);
            }
            document.ETag = EmbeddedETag(document.Json);
            return new PendingWrite(key, id, false, null, document);
        }

        /// <summary>The top-level "eTag" of the JSON text, which MemoryStorage takes for the stored ETag; read only when the text has one anywhere.</summary>
        private static string? EmbeddedETag(string json)
        {
            if (!json.Contains("\"eTag\"", StringComparison.Ordinal))
                return null;
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) is JObject top && top.TryGetValue("eTag", out var embedded) && embedded is JValue
                ? embedded.Value<string>()
                : null;
        }
    }
}
