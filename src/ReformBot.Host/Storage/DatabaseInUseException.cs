namespace ReformBot.Host.Storage;

/// <summary>The database file is open in another store, in this process or another one.</summary>
public sealed class DatabaseInUseException(string path, Exception inner)
    : IOException($"The database {path} is in use by another process.", inner)
{
    public string DatabasePath { get; } = path;
}
