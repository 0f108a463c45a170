using System.Net.Http.Headers;
using Microsoft.Bot.Schema;

namespace ReformBot.Host.Bot.PlanImports;

/// <summary>
/// A file attached to a message that may be a plan, and its download. A file the host holds itself (a Web Chat upload)
/// is read from its store. Any other contentUrl comes from the caller, so it is fetched only where
/// <see cref="ServiceUrlPolicy"/> lets the bot send (no request forgery into the office's network), without following
/// redirects, with a size limit and a timeout.
/// </summary>
public sealed class PlanAttachment(IHttpClientFactory clients, ServiceUrlPolicy policy, IHostedUploads uploads)
{
    public const string HttpClientName = "plan-attachments";

    /// <summary>Larger files are refused unread: the plans offices send are well under 1 MB.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The first attachment that is a file rather than a card (cards have their own content types); null if none.</summary>
    public static Attachment? Find(IMessageActivity activity) => Files(activity).FirstOrDefault();

    /// <summary>The attachments that are files, in the order sent.</summary>
    public static IEnumerable<Attachment> Files(IMessageActivity activity) =>
        (activity.Attachments ?? []).Where(a => a.ContentUrl is { Length: > 0 }
            && a.ContentType?.StartsWith("application/vnd.microsoft.card.", StringComparison.OrdinalIgnoreCase) != true);

    /// <returns>The file's bytes, or the reason it could not be fetched.</returns>
    public async Task<Download> DownloadAsync(IActivity activity, Attachment attachment, CancellationToken cancellationToken)
    {
        if (uploads.Read(activity, attachment, MaxBytes) is { } held) return held;
        if (!policy.Allows(attachment.ContentUrl)) return new Download(null, DownloadError.NotAllowed);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .GetAsync(attachment.ContentUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) return new Download(null, DownloadError.Failed);
            if (response.Content.Headers.ContentLength > MaxBytes) return new Download(null, DownloadError.TooLarge);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                // The length header may be absent or wrong; the limit holds for what actually arrives.
                if (buffer.Length + read > MaxBytes) return new Download(null, DownloadError.TooLarge);
                buffer.Write(chunk, 0, read);
            }
            return new Download(buffer.ToArray(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Download(null, DownloadError.Failed);
        }
        catch (HttpRequestException)
        {
            return new Download(null, DownloadError.Failed);
        }
    }

    /// <summary>The HTTP client for downloads: redirects are not followed, since they could lead past the policy.</summary>
    public static void AddHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, c =>
            {
                c.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                c.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
}

public enum DownloadError { NotAllowed, TooLarge, Failed }

/// <param name="Bytes">The file, or null when <paramref name="Error"/> says why not.</param>
public sealed record Download(byte[]? Bytes, DownloadError? Error);
