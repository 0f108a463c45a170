using ReformBot.Host.Downloads;
using ReformBot.Host.Ledger;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Web;

/// <summary>
/// GET (and HEAD) /downloads/{token}: the ledger (.xlsx) a download link stands for, made from the store
/// as it is now (at most <see cref="LedgerFiles.Reuse"/> old), with its Chinese file name
/// (Content-Disposition filename*=UTF-8''…). An unknown, malformed or expired token gets 404 with a
/// short text in Chinese. Not cached by browsers or proxies, not indexed, not sniffed.
/// </summary>
public static partial class DownloadEndpoint
{
    public static void MapDownloadEndpoint(this WebApplication app)
    {
        app.MapMethods(DownloadService.PathPrefix + "{token}", [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, string token,
            DownloadService downloads, LedgerFiles files, MessageCatalog messages, ILogger<DownloadService> logger) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            // Browsers must take the declared type, never guess one from the bytes.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (downloads.Find(token) is not { } download)
                return Results.Text(messages[MessageKeys.Export.DownloadNotFound], "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

            var file = await files.GetAsync(download);
            LogServed(logger, download.Period.ToString(), download.CreatedBy, file.Bytes.Length);
            return Results.File(file.Bytes, Workbook.ContentType, file.FileName);
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ledger of {Period} downloaded through a link of contact {ContactId} ({Bytes} bytes)")]
    private static partial void LogServed(ILogger logger, string period, string contactId, int bytes);
}
