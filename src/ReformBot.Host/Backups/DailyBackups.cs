using System.Globalization;
using Microsoft.Extensions.Options;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Backups;

/// <summary>
/// While the host runs: a consistent copy of the database once a day (at start when today's is missing),
/// named by its UTC date, keeping the newest <see cref="BackupOptions.Keep"/>.
/// </summary>
public sealed partial class DailyBackups(LiteDbStore store, IOptions<BackupOptions> options, TimeProvider time, ILogger<DailyBackups> logger)
    : BackgroundService
{
    private const string Prefix = "reformbot-";
    private const string Extension = ".db";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Keep == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                TakeIfDue();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException)
            {
                // A full disk or a bad directory: say so every hour until it works; the host keeps serving.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Takes today's copy if it is missing and removes the oldest beyond the number kept.</summary>
    public string? TakeIfDue()
    {
        var directory = options.Value.DirectoryFor(store.Path);
        OwnerOnlyFiles.CreateDirectory(directory);
        var today = Path.Combine(directory, Prefix + time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + Extension);
        string? taken = null;
        if (!File.Exists(today))
        {
            store.CopyTo(today);
            LogTaken(logger, today);
            taken = today;
        }
        foreach (var old in Directory.GetFiles(directory, Prefix + "*" + Extension).OrderDescending(StringComparer.Ordinal).Skip(options.Value.Keep))
            File.Delete(old);
        return taken;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Daily backup written to {Path}")]
    private static partial void LogTaken(ILogger logger, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Daily backup failed; retrying in an hour")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
