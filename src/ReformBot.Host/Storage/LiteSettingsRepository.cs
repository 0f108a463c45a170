using System.Runtime.CompilerServices;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

/// <summary>
/// Settings in the store, read from a copy in memory: the reporting period is asked on most turns, and a setting
/// changes only through <see cref="Set"/> on the one store that has the file open.
/// </summary>
public sealed class LiteSettingsRepository(LiteDbStore store) : ISettingsRepository
{
    // One copy per store, whichever repository instance reads or writes.
    private static readonly ConditionalWeakTable<LiteDbStore, Copy> Copies = new();
    private readonly Copy _copy = Copies.GetValue(store, _ => new Copy());

    public string? Get(string key)
    {
        // Read and kept under the lock that Set holds while writing, so a value read before a write is never kept after it.
        lock (_copy.Gate)
        {
            if (!_copy.Values.TryGetValue(key, out var value))
                _copy.Values[key] = value = store.Settings.FindById(key)?.Value;
            return value;
        }
    }

    public void Set(string key, string? value)
    {
        lock (_copy.Gate)
        {
            // Forgotten whether or not the write succeeds: the next read asks the file.
            _copy.Values.Remove(key);
            if (value is null) store.Settings.Delete(key);
            else store.Settings.Upsert(new SettingDocument { Id = key, Value = value });
        }
        store.FlushToDisk();
    }

    private sealed class Copy
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<string, string?> Values = new(StringComparer.Ordinal);
    }
}

internal sealed class SettingDocument
{
    public string Id { get; set; } = "";
    public string Value { get; set; } = "";
}
