using System.Collections.Concurrent;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

/// <summary>
/// The settings in the store. They change only through <see cref="Set"/>, and every report turn asks for the
/// period override (a query that waits for its turn in the engine), so a value is kept in memory once read.
/// </summary>
public sealed class LiteSettingsRepository(LiteDbStore store) : ISettingsRepository
{
    private readonly ConcurrentDictionary<string, string?> _read = new(StringComparer.Ordinal);

    // A read from the file and a write must not interleave: a value read before a write would be kept after it.
    private readonly Lock _lock = new();

    public string? Get(string key)
    {
        if (_read.TryGetValue(key, out var value)) return value;
        lock (_lock)
        {
            if (_read.TryGetValue(key, out value)) return value;
            value = store.Settings.FindById(key)?.Value;
            _read[key] = value;
            return value;
        }
    }

    public void Set(string key, string? value)
    {
        lock (_lock)
        {
            // Forgotten first: a write that fails part way leaves the next read to the file.
            _read.TryRemove(key, out _);
            if (value is null) store.Settings.Delete(key);
            else store.Settings.Upsert(new SettingDocument { Id = key, Value = value });
            store.Checkpoint();
            _read[key] = value;
        }
    }
}

internal sealed class SettingDocument
{
    public string Id { get; set; } = "";
    public string Value { get; set; } = "";
}
