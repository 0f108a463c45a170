namespace ReformBot.Host.Tests.Support;

/// <summary>A fresh directory for one test's database files, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reformbot-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => File("reformbot.db");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a killed child process may still hold a file for a moment */ }
    }
}
