namespace ReformBot.Host.Bot;

/// <summary>The "ReformBot:Bot" section: how /api/messages admits callers and where the bot may send.</summary>
public sealed class BotEndpointOptions
{
    public const string Section = "ReformBot:Bot";

    /// <summary>
    /// Development switch. With no MicrosoftAppId the SDK accepts any request without a token, so
    /// ReformBot then admits loopback callers only; this lets every address in (for example a
    /// Bot Framework Emulator on another machine). Has no effect once an app id is configured.
    /// </summary>
    public bool AllowUnauthenticatedRemote { get; set; }

    /// <summary>
    /// The channels' service URLs the bot may send to, as absolute http(s) URLs: a serviceUrl is allowed
    /// when its scheme, host and port are those of an entry and its path starts with the entry's path.
    /// Empty (the default): loopback service URLs on any port (the Emulator, local tests). See
    /// <see cref="ServiceUrlPolicy"/> for what an app id adds.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>What is wrong with the settings, one line each; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() =>
        AllowedServiceUrls
            .Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            .Select(u => $"{Section}:{nameof(AllowedServiceUrls)} holds \"{u}\", which is not an absolute http(s) URL.")
            .ToList();
}
