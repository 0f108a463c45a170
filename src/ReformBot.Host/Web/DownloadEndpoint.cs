using ReformBot.Host.Downloads;
using ReformBot.Host.Ledger;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Web;

/// <summary>
/// GET /downloads/{token}: the ledger (.xlsx) a download link stands for, made from the store as it is
/// now, with its Chinese file name (Content-Disposition filename*=UTF-8''…). An unknown, malformed or
/// expired token gets 404 with a short text in Chinese. Not cached, not indexed.
/// </summary>
public static partial class DownloadEndpoint
{
    public static void MapDownloadEndpoint(this WebApplication app)
    {
        app.MapGet(DownloadService.PathPrefix + "{token}", (HttpContext http, string token, DownloadService downloads, LedgerService ledgers,
            MessageCatalog messages, ILogger<DownloadService> logger) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (downloads.Find(token) is not { } download)
                return Results.Text(messages[MessageKeys.Export.DownloadNotFound], "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

            var ledger = ledgers.Build(download.Period, download.Departments);
            var bytes = ledgers.ToBytes(ledger);
            LogServed(logger, download.Period.ToString(), download.CreatedBy, bytes.Length);
            return Results.File(bytes, Workbook.ContentType, ledgers.FileName(download.Period, download.Departments));
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ledger of {Period} downloaded through a link of contact {ContactId} ({Bytes} bytes)")]
    private static partial void LogServed(ILogger logger, string period, string contactId, int bytes);
}
