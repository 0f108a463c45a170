namespace ReformBot.Host.Bot;

/// <summary>The "ReformBot:Bot" section: how /api/messages admits callers.</summary>
public sealed class BotEndpointOptions
{
    public const string Section = "ReformBot:Bot";

    /// <summary>
    /// Development switch. With no MicrosoftAppId the SDK accepts any request without a token, so
    /// ReformBot then admits loopback callers only; this lets every address in (for example a
    /// Bot Framework Emulator on another machine). Has no effect once an app id is configured.
    /// </summary>
    public bool AllowUnauthenticatedRemote { get; set; }
}
