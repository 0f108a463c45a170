using Microsoft.Extensions.Options;

namespace ReformBot.Host.Bot;

/// <summary>
/// Where the bot may send: replies in a turn and proactive messages go to the activity's serviceUrl,
/// which a caller chooses, so without this rule the host would POST wherever it is told (request
/// forgery into the office's network or the host's own loopback services).
/// </summary>
/// <remarks>
/// Allowed are, in this order:
/// <list type="bullet">
/// <item>the configured <see cref="BotEndpointOptions.AllowedServiceUrls"/>;</item>
/// <item>with none configured, loopback URLs (any port): the Emulator and local development;</item>
/// <item>with an app id, any https URL: the SDK admits an activity from a channel only when its
/// serviceUrl equals the serviceurl claim of the Bot Framework's signed token, and the channels'
/// URLs differ by region and cloud (Teams' smba.trafficmanager.net/&lt;region&gt;/, Direct Line,
/// Azure China, government clouds), so a fixed list would break real channels.</item>
/// </list>
/// </remarks>
public sealed class ServiceUrlPolicy(BotEndpointSecurity security, IOptions<BotEndpointOptions> options)
{
    private readonly List<Uri> _allowed = options.Value.AllowedServiceUrls.Select(u => new Uri(u, UriKind.Absolute)).ToList();

    public bool Allows(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")) return false;
        if (_allowed.Count > 0 ? _allowed.Any(a => Matches(a, url)) : url.IsLoopback) return true;
        return security.Mode == BotEndpointMode.Authenticated && url.Scheme == Uri.UriSchemeHttps;
    }

    private static bool Matches(Uri allowed, Uri url) =>
        string.Equals(allowed.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(allowed.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
        && allowed.Port == url.Port
        && (allowed.AbsolutePath.EndsWith('/') ? url.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal)
            : url.AbsolutePath == allowed.AbsolutePath || url.AbsolutePath.StartsWith(allowed.AbsolutePath + "/", StringComparison.Ordinal));

    /// <summary>The URL as it may appear in a log line: escaped by Uri, so no line break of the caller's reaches the log.</summary>
    public static string ForLog(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) ? url.AbsoluteUri : Uri.EscapeDataString(serviceUrl ?? "");
}
