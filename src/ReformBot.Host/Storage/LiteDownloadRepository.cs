using ReformBot.Core.Downloads;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteDownloadRepository(LiteDbStore store) : IDownloadRepository
{
    public void Add(LedgerDownload download)
    {
        store.Downloads.Insert(DownloadDocument.From(download));
        store.FlushToDisk();
    }

    public LedgerDownload? Find(string tokenHash) => store.Downloads.FindById(tokenHash)?.ToDownload();

    public int RemoveExpired(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        return store.Downloads.DeleteMany(d => d.ExpiresAtTicks <= ticks);
    }
}
