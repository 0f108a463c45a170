using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace ReformBot.Host.Bot;

/// <summary>
/// POST /api/messages: admits the caller, checks that the body is an activity the adapter can work
/// with, then hands the request to the CloudAdapter, which authenticates it and runs the turn.
/// </summary>
/// <remarks>
/// The adapter answers 400 only to a body without an activity type. An activity without a
/// serviceUrl or conversation fails after authentication, outside the turn, so OnTurnError never
/// sees it and the request ends in an unhandled 500; this endpoint answers 400 to those instead.
/// </remarks>
public sealed class BotEndpoint(IBotFrameworkHttpAdapter adapter, BotEndpointSecurity security, ServiceUrlPolicy serviceUrls, ILogger<BotEndpoint> logger)
{
    /// <summary>Large enough for a megabyte of text and then some; bigger bodies get 413.</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http, IBot bot)
    {
        if (!security.Admits(http))
        {
            logger.LogWarning("Refused a request to {Endpoint} from {RemoteAddress}: without an app id only loopback callers are admitted, never through a proxy",
                BotServices.MessagesPath, http.Connection.RemoteIpAddress);
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        // The body is read here to check it and again by the adapter.
        http.Request.EnableBuffering();
        Activity? activity;
        try
        {
            // The SDK's own reader and serializer, so both reads agree; it yields null for JSON it cannot read.
            activity = await HttpHelper.ReadRequestAsync<Activity>(http.Request);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's verdict on the body itself: 413 above the size limit, 400 for a truncated body.
            logger.LogWarning("Refused a request to {Endpoint}: {Reason}", BotServices.MessagesPath, e.Message);
            http.Response.StatusCode = e.StatusCode;
            return;
        }

        if (Problem(activity) is { } problem)
        {
            logger.LogWarning("Refused a request to {Endpoint}: {Problem}", BotServices.MessagesPath, problem);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!serviceUrls.Allows(activity!.ServiceUrl))
        {
            logger.LogWarning("Refused a request to {Endpoint}: its serviceUrl {ServiceUrl} is not an allowed service URL ({Setting})",
                BotServices.MessagesPath, ServiceUrlPolicy.ForLog(activity.ServiceUrl), $"{BotEndpointOptions.Section}:{nameof(BotEndpointOptions.AllowedServiceUrls)}");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        http.Request.Body.Position = 0;
        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
        }
        catch (TokenRefusedException) when (!http.Response.HasStarted)
        {
            // Token failures of every kind, logged once by GuardedAuthentication.
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    /// <summary>What makes the activity unusable, or null. These are fields every channel sends.</summary>
    internal static string? Problem(Activity? activity)
    {
        if (string.IsNullOrEmpty(activity?.Type)) return "the body is not an activity (no JSON object with a type)";
        if (string.IsNullOrEmpty(activity.ChannelId)) return "the activity has no channelId";
        if (string.IsNullOrEmpty(activity.Conversation?.Id)) return "the activity has no conversation id";
        if (string.IsNullOrEmpty(activity.From?.Id)) return "the activity has no sender (from.id)";
        // Ids reach log lines and the store; a line break in one would forge a log line.
        if (new[] { activity.ChannelId, activity.Conversation.Id, activity.From.Id, activity.Recipient?.Id, activity.Id }.Any(HasControlCharacter))
            return "an id of the activity (channelId, conversation.id, from.id, recipient.id or id) holds a control character";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            return "the activity has no http(s) serviceUrl";
        return null;
    }

    private static bool HasControlCharacter(string? id) => id is not null && id.Any(char.IsControl);
}
