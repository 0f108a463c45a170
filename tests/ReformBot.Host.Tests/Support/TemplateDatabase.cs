using Microsoft.Extensions.Logging.Abstractions;
using ReformBot.Host.Configuration;
using ReformBot.Host.Seeding;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Tests.Support;

/// <summary>
/// A database seeded as the host seeds a new one (the curated departments and the shipped plan), made
/// once per test run. Tests get a copy of it: writing a file is cheap, seeding 119 tasks is not.
/// </summary>
public static class TemplateDatabase
{
    private static readonly Lazy<byte[]> Seeded = new(Seed);

    /// <summary>Puts a copy of the seeded database at <paramref name="path"/> unless a file is already there.</summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string CopyTo(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, Seeded.Value);
        }
        return path;
    }

    private static byte[] Seed()
    {
        using var dir = new TempDirectory();
        using (var store = new LiteDbStore(dir.DatabasePath))
            StoreSeeder.SeedIfEmpty(new LitePlanRepository(store), new ReformBotOptions(), NullLogger.Instance);
        // Closing the store checkpoints its log into the file: the file alone is the whole database.
        if (File.Exists(dir.File("reformbot-log.db"))) throw new InvalidOperationException("The template database kept a log file.");
        return File.ReadAllBytes(dir.DatabasePath);
    }
}
