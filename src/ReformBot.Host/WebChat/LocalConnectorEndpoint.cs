using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace ReformBot.Host.WebChat;

/// <summary>
/// The Bot Connector routes of <see cref="LocalConnector"/>: POST v3/conversations/{id}/activities[/{replyToId}].
/// Only this process may call them: a loopback caller with the process's secret.
/// </summary>
public sealed class LocalConnectorEndpoint(LocalConnector connector, DirectLineStore store, ILogger<LocalConnectorEndpoint> logger)
{
    public async Task<IResult> PostAsync(HttpContext http, string conversationId)
    {
        if (!Loopback.Contains(http.Connection.RemoteIpAddress) || !connector.Authorizes(http.Request.Headers.Authorization))
        {
            logger.LogWarning("Refused a call to the Web Chat connector from {RemoteAddress}", http.Connection.RemoteIpAddress);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        var activity = await HttpHelper.ReadRequestAsync<Activity>(http.Request);
        if (string.IsNullOrEmpty(activity?.Type)) return Results.BadRequest();
        activity.From ??= new ChannelAccount();
        activity.From.Role = RoleTypes.Bot;
        activity.ChannelId = LocalConnector.ChannelId;
        // Teams shows each line of a message on its own line; Web Chat's Markdown joins single line breaks
        // into one paragraph unless they are hard breaks (two spaces before the newline).
        if (activity.Text is { } text && activity.TextFormat is null or TextFormatTypes.Markdown)
            activity.Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "  \n", StringComparison.Ordinal);
        var id = store.Append(conversationId, activity);
        // 404 is what a channel answers for a conversation it does not know: the sender marks the contact unreachable.
        return id is null ? Results.NotFound() : Results.Ok(new ResourceResponse(id));
    }
}
