namespace ReformBot.Core.Storage;

/// <summary>
/// A few named values the office or the scheduler sets and that must outlive a restart
/// (the period override, when the last digest went out).
/// </summary>
public interface ISettingsRepository
{
    string? Get(string key);

    /// <summary>Stores the value, or removes the setting when it is null.</summary>
    void Set(string key, string? value);
}
