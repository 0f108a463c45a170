using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteSettingsRepository(LiteDbStore store) : ISettingsRepository
{
    public string? Get(string key) => store.Settings.FindById(key)?.Value;

    public void Set(string key, string? value)
    {
        if (value is null) store.Settings.Delete(key);
        else store.Settings.Upsert(new SettingDocument { Id = key, Value = value });
        store.FlushToDisk();
    }
}

internal sealed class SettingDocument
{
    public string Id { get; set; } = "";
    public string Value { get; set; } = "";
}
