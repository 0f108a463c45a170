namespace ReformBot.Host.Backups;

/// <summary>The host's daily backups of the database (section ReformBot:Backups).</summary>
public sealed class BackupOptions
{
    public const string Section = "ReformBot:Backups";

    /// <summary>Where the copies go; empty: a “backups” directory beside the database.</summary>
    public string Directory { get; set; } = "";

    /// <summary>How many daily copies are kept; older ones are removed. 0 turns daily backups off.</summary>
    public int Keep { get; set; } = 14;

    public IEnumerable<string> Problems() =>
        Keep is < 0 or > 3650 ? [$"{Section}:{nameof(Keep)} must be 0..3650 copies, not {Keep}."] : [];

    /// <summary>The directory of the daily copies of <paramref name="databasePath"/>.</summary>
    public string DirectoryFor(string databasePath) =>
        Directory.Length > 0 ? Path.GetFullPath(Directory) : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "backups");
}
