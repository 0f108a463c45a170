using ReformBot.Core.Downloads;

namespace ReformBot.Core.Storage;

/// <summary>Ledger download links, by the hash of their token.</summary>
public interface IDownloadRepository
{
    /// <summary>Stores a link; on disk when this returns, since the link is handed out right after.</summary>
    void Add(LedgerDownload download);

    LedgerDownload? Find(string tokenHash);

    /// <summary>Removes the links expired at <paramref name="now"/>; returns how many.</summary>
    int RemoveExpired(DateTimeOffset now);
}
