namespace ReformBot.Host.Storage;

/// <summary>
/// Files being written beside their target (“ledger.xlsx.partial”) and moved over it when complete. Each is
/// recorded beside the database while it is written, so that after a crash or kill -9 the next start of
/// the store removes what was left half-written, wherever the user asked for it.
/// </summary>
public sealed class PartialFiles(LiteDbStore store)
{
    public const string Suffix = ".partial";

    /// <summary>Writes <paramref name="target"/> through its partial file; nothing is left behind if this fails.</summary>
    public void Write(string target, Action<Stream> write)
    {
        var partial = target + Suffix;
        var marker = Path.Combine(MarkerDirectory(store.Path), Guid.NewGuid().ToString("N"));
        OwnerOnlyFiles.CreateDirectory(MarkerDirectory(store.Path));
        File.WriteAllText(marker, partial);
        try
        {
            using (var stream = File.Create(partial)) write(stream);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            try { File.Delete(partial); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            File.Delete(marker);
        }
    }

    /// <summary>Removes the partial files a killed process left; called when the store opens (it alone writes them).</summary>
    internal static void RemoveLeftovers(string databasePath)
    {
        var directory = MarkerDirectory(databasePath);
        if (!Directory.Exists(directory)) return;
        foreach (var marker in Directory.GetFiles(directory))
        {
            var partial = File.ReadAllText(marker).Trim();
            if (partial.EndsWith(Suffix, StringComparison.Ordinal) && Path.IsPathFullyQualified(partial)) File.Delete(partial);
            File.Delete(marker);
        }
    }

    private static string MarkerDirectory(string databasePath) => databasePath + ".partials";
}
