using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace ReformBot.Host.Bot;

/// <summary>How /api/messages authenticates its callers, decided once from configuration.</summary>
public enum BotEndpointMode
{
    /// <summary>MicrosoftAppId is set: the SDK validates the Bot Framework token of every request.</summary>
    Authenticated,

    /// <summary>No app id: requests carry no token, so only callers on this machine are admitted.</summary>
    UnauthenticatedLoopbackOnly,

    /// <summary>No app id and the development switch is on: anyone who can reach the port is admitted.</summary>
    UnauthenticatedAnyCaller,
}

/// <summary>
/// The part of the endpoint's security the SDK does not do: without an app id the SDK accepts any
/// request, so ReformBot narrows that to loopback callers unless told otherwise.
/// </summary>
public sealed class BotEndpointSecurity(IConfiguration configuration, IOptions<BotEndpointOptions> options)
{
    public BotEndpointMode Mode { get; } =
        !string.IsNullOrWhiteSpace(configuration[MicrosoftAppCredentials.MicrosoftAppIdKey]) ? BotEndpointMode.Authenticated
        : options.Value.AllowUnauthenticatedRemote ? BotEndpointMode.UnauthenticatedAnyCaller
        : BotEndpointMode.UnauthenticatedLoopbackOnly;

    /// <summary>Whether the caller gets past this check (the SDK's token check still follows).</summary>
    public bool Admits(HttpContext http) => Mode != BotEndpointMode.UnauthenticatedLoopbackOnly || Loopback.IsLocalCaller(http);

    /// <summary>Says at start who may call the endpoint; both unauthenticated modes are warnings.</summary>
    public void LogMode(ILogger logger)
    {
        switch (Mode)
        {
            case BotEndpointMode.Authenticated:
                logger.LogInformation("{Endpoint} validates Bot Framework tokens for app {MicrosoftAppId} (mode {BotEndpointMode})",
                    BotServices.MessagesPath, configuration[MicrosoftAppCredentials.MicrosoftAppIdKey], Mode);
                break;
            case BotEndpointMode.UnauthenticatedLoopbackOnly:
                logger.LogWarning("No {AppIdSetting} is configured: {Endpoint} accepts requests without authentication, from loopback callers only (mode {BotEndpointMode})",
                    MicrosoftAppCredentials.MicrosoftAppIdKey, BotServices.MessagesPath, Mode);
                break;
            case BotEndpointMode.UnauthenticatedAnyCaller:
                logger.LogWarning("No {AppIdSetting} is configured and {Switch} is on: {Endpoint} accepts requests without authentication from any address (mode {BotEndpointMode}); use this for development only",
                    MicrosoftAppCredentials.MicrosoftAppIdKey, $"{BotEndpointOptions.Section}:{nameof(BotEndpointOptions.AllowUnauthenticatedRemote)}", BotServices.MessagesPath, Mode);
                break;
        }
    }
}
