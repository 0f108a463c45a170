using ReformBot.Core.Downloads;
using ReformBot.Host.Ledger;

namespace ReformBot.Host.Web;

/// <summary>
/// The ledger files that download links serve, built at most once per <see cref="Reuse"/> for each
/// link: a ledger takes the host tens of milliseconds of CPU, so a link fetched in a loop must not
/// make it build one per request. Requests for a link within that time, also concurrent ones, get
/// the file built for the first.
/// </summary>
public sealed partial class LedgerFiles(LedgerService ledgers, TimeProvider time, ILogger<LedgerFiles> logger)
{
    /// <summary>How long a link's file is served again before the store is read anew.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Entry> _files = new(StringComparer.Ordinal);

    public Task<LedgerFile> GetAsync(LedgerDownload download)
    {
        var now = time.GetUtcNow();
        lock (_files)
        {
            foreach (var stale in _files.Where(f => f.Value.File.IsCompleted && (f.Value.File.IsFaulted || now - f.Value.BuiltAt >= Reuse)).Select(f => f.Key).ToList())
                _files.Remove(stale);
            if (_files.TryGetValue(download.TokenHash, out var entry)) return entry.File;
            var file = Task.Run(() => Build(download));
            _files[download.TokenHash] = new Entry(file, now);
            return file;
        }
    }

    private LedgerFile Build(LedgerDownload download)
    {
        var bytes = ledgers.ToBytes(ledgers.Build(download.Period, download.Departments));
        LogBuilt(logger, download.Period.ToString(), bytes.Length);
        return new LedgerFile(bytes, ledgers.FileName(download.Period, download.Departments));
    }

    private sealed record Entry(Task<LedgerFile> File, DateTimeOffset BuiltAt);

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Built the ledger of {Period} for a download link ({Bytes} bytes)")]
    private static partial void LogBuilt(ILogger logger, string period, int bytes);
}

/// <summary>A built ledger and the name it is downloaded under.</summary>
public sealed record LedgerFile(byte[] Bytes, string FileName);
