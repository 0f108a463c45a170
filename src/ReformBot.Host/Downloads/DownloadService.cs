using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReformBot.Core.Contacts;
using ReformBot.Core.Downloads;
using ReformBot.Core.Periods;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Downloads;

/// <summary>
/// Ledger download links: an unguessable token (32 random bytes, base64url) stored by its hash with
/// the period, the departments it covers, who asked and when it expires. A link works for anyone who
/// has it until it expires (a browser cannot prove who it is), any number of times; what it covers
/// was decided when it was made: the office gets any ledger, a contact only their departments'. It
/// stops working early if the person who asked loses that access.
/// </summary>
public sealed class DownloadService(
    IDownloadRepository downloads, IContactRepository contacts, IOptions<DownloadOptions> options, HostAddress host, TimeProvider time)
{
    public const string PathPrefix = "/downloads/";

    /// <summary>Length of a token: 32 bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    /// <summary>A link for <paramref name="contact"/> to the ledger of <paramref name="period"/>.</summary>
    /// <param name="departments">The lead departments covered; null for the whole plan (office members only).</param>
    /// <exception cref="UnauthorizedAccessException">The contact may not have that ledger.</exception>
    public DownloadLink Create(Contact contact, Quarter period, IReadOnlyList<string>? departments)
    {
        if (!Entitled(contact, departments))
            throw new UnauthorizedAccessException($"Contact {contact.Id} may not download the ledger of {Describe(departments)}.");
        var now = time.GetUtcNow();
        downloads.RemoveExpired(now);
        var token = NewToken();
        var download = new LedgerDownload(Hash(token), period, departments?.ToList(), contact.Id, now, now + options.Value.Validity());
        downloads.Add(download);
        return new DownloadLink(BaseUrl() + PathPrefix + token, download);
    }

    /// <summary>The link's download if it may be served now; null for a malformed, unknown or expired token, or one whose creator lost access.</summary>
    public LedgerDownload? Find(string token)
    {
        if (!IsWellFormed(token)) return null;
        var download = downloads.Find(Hash(token));
        if (download is null || download.IsExpiredAt(time.GetUtcNow())) return null;
        return contacts.Find(download.CreatedBy) is { } creator && Entitled(creator, download.Departments) ? download : null;
    }

    /// <summary>The office may have any ledger; a contact only one limited to departments of their own.</summary>
    public static bool Entitled(Contact contact, IReadOnlyList<string>? departments) =>
        contact.IsOffice || departments is { Count: > 0 } && departments.All(contact.ReportsFor);

    internal static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static bool IsWellFormed(string token) =>
        token.Length == TokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private string BaseUrl() => (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? host.Loopback : options.Value.PublicBaseUrl).TrimEnd('/');

    private static string Describe(IReadOnlyList<string>? departments) => departments is null ? "the whole plan" : string.Join(", ", departments);
}

/// <param name="Url">The link to hand out: the base URL, /downloads/ and the token.</param>
public sealed record DownloadLink(string Url, LedgerDownload Download);
