using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using ReformBot.Host.Bot;

namespace ReformBot.Host.WebChat;

/// <summary>
/// A Direct Line 3.0 endpoint under /v3/directline, as Web Chat's DirectLine client speaks it: tokens,
/// conversations, activities by polling and over a WebSocket, uploads. Every request names its token's
/// conversation and no other; the sender of every activity is the token's user.
/// </summary>
public sealed class DirectLineEndpoints(
    DirectLineStore store,
    LocalConnector connector,
    StreamTickets tickets,
    AdapterWithErrorHandler adapter,
    IServiceProvider services,
    IConfiguration configuration,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineEndpoints> logger)
{
    public const string PathBase = "/v3/directline";
    public const string CookieName = "reformbot_webchat";

    /// <summary>Direct Line's own limit on an activity's size.</summary>
    public const long MaxActivityBytes = 256 * 1024;

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    private string BotId => configuration["MicrosoftAppId"] is { Length: > 0 } id ? id : "reformbot";

    /// <summary>POST tokens/generate: the browser (by its cookie, made on the first visit) gets a token for its conversation.</summary>
    public async Task<IResult> GenerateAsync(HttpContext http)
    {
        var cookie = http.Request.Cookies[CookieName];
        var browser = store.Browser(cookie);
        var isNew = browser is null;
        if (browser is null) (cookie, browser) = store.NewBrowser();
        else store.Seen(browser);
        // Sent again on every visit, so the cookie lives CookieDays after the last one.
        http.Response.Cookies.Append(CookieName, cookie!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(options.Value.CookieDays),
            IsEssential = true,
        });
        if (isNew) await StartAsync(browser.ConversationId, browser.UserId, http.RequestAborted);
        var token = store.IssueToken(browser.ConversationId, browser.UserId);
        return Results.Ok(new { conversationId = browser.ConversationId, token = token.Token, expires_in = token.ExpiresInSeconds });
    }

    /// <summary>POST tokens/refresh: a new token for the same user and conversation.</summary>
    public IResult Refresh(HttpContext http)
    {
        if (Grant(http) is not { } grant) return Unauthorized();
        var token = store.IssueToken(grant.ConversationId, grant.UserId);
        return Results.Ok(new { conversationId = grant.ConversationId, token = token.Token, expires_in = token.ExpiresInSeconds });
    }

    /// <summary>POST conversations: a token is bound to its conversation, so "starting" one opens that conversation.</summary>
    public IResult Start(HttpContext http)
    {
        if (Grant(http) is not { } grant) return Unauthorized();
        return Results.Json(Conversation(http, grant, null), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>GET conversations/{id}?watermark=: reconnect, with a fresh streamUrl that resumes after the watermark.</summary>
    public IResult Reconnect(HttpContext http, string conversationId, string? watermark)
    {
        if (Authorize(http, conversationId) is not { } grant) return Refused(http, conversationId);
        return Results.Ok(Conversation(http, grant, ParseWatermark(watermark)));
    }

    /// <summary>GET conversations/{id}/activities?watermark=: polling.</summary>
    public IResult Activities(HttpContext http, string conversationId, string? watermark)
    {
        if (Authorize(http, conversationId) is not { } grant) return Refused(http, conversationId);
        var after = ParseWatermark(watermark) ?? 0;
        var activities = store.After(grant.ConversationId, after);
        var last = activities.Count > 0 ? activities[^1].Watermark : Math.Max(after, 0);
        return Results.Text(Frame(activities, last), "application/json", Encoding.UTF8);
    }

    /// <summary>POST conversations/{id}/activities: the user's activity, echoed into the transcript, then the bot's turn.</summary>
    public async Task<IResult> PostAsync(HttpContext http, string conversationId)
    {
        if (Authorize(http, conversationId) is not { } grant) return Refused(http, conversationId);
        Activity? activity;
        try
        {
            activity = await HttpHelper.ReadRequestAsync<Activity>(http.Request);
        }
        catch (BadHttpRequestException e)
        {
            return Error(e.StatusCode, "BadArgument", e.Message);
        }
        if (activity is null || activity.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing))
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity of type message, event or typing.");

        var id = Append(grant, activity);
        if (id is null) return Refused(http, conversationId);
        // Typing is shown to nobody but the bot, which has no use for it.
        if (activity.Type != ActivityTypes.Typing)
            await adapter.ProcessBuiltInChannelActivityAsync(activity, Bot().OnTurnAsync, http.RequestAborted);
        return Results.Ok(new { id });
    }

    /// <summary>POST conversations/{id}/upload?userId=: files become attachments of one message from the token's user.</summary>
    public async Task<IResult> UploadAsync(HttpContext http, string conversationId, AttachmentStore attachments)
    {
        if (Authorize(http, conversationId) is not { } grant) return Refused(http, conversationId);
        if (!http.Request.HasFormContentType)
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "An upload is a multipart/form-data request.");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", e.Message);
        }
        if (form.Files.Count == 0) return Error(StatusCodes.Status400BadRequest, "BadArgument", "The upload has no file.");
        if (form.Files.Sum(f => f.Length) > options.Value.MaxUploadBytes)
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"Uploads are limited to {options.Value.MaxUploadBytes} bytes.");

        var activity = form.Files.GetFile("activity") is { } part
            ? await ReadActivityPartAsync(part) : new Activity(ActivityTypes.Message);
        if (activity is null) return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity part is not an activity.");
        activity.Type = ActivityTypes.Message;
        activity.Attachments = [];
        foreach (var file in form.Files.Where(f => f.Name != "activity"))
        {
            await using var content = file.OpenReadStream();
            var url = attachments.Save(grant.ConversationId, file.FileName, file.ContentType, content, PublicBase(http));
            activity.Attachments.Add(new Attachment(file.ContentType, url, name: Path.GetFileName(file.FileName)));
        }
        var id = Append(grant, activity);
        if (id is null) return Refused(http, conversationId);
        await adapter.ProcessBuiltInChannelActivityAsync(activity, Bot().OnTurnAsync, http.RequestAborted);
        return Results.Ok(new { id });
    }

    /// <summary>GET conversations/{id}/stream?t=&amp;watermark=: the WebSocket, pushing each activity as it is stored.</summary>
    public async Task StreamAsync(HttpContext http, string conversationId, string? t, string? watermark)
    {
        if (tickets.Redeem(t) is not { } grant || grant.ConversationId != conversationId)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var sent = ParseWatermark(watermark) ?? 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        // Read the client's frames (its keep-alives and its close) beside the pushing loop.
        var reading = ReadUntilClosedAsync(socket, stop.Token);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var next = store.NextAppend(conversationId);
                var batch = store.After(conversationId, sent);
                if (batch.Count > 0)
                {
                    sent = batch[^1].Watermark;
                    await SendAsync(socket, Frame(batch, sent), stop.Token);
                    continue;
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var keepAlive = Task.Delay(KeepAlive, time, wait.Token);
                var woke = await Task.WhenAny(next, reading, keepAlive);
                await wait.CancelAsync();
                if (woke == reading) break;
                // An empty frame keeps proxies from closing an idle socket; the client ignores it.
                if (woke == keepAlive && !next.IsCompleted) await SendAsync(socket, "", stop.Token);
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug("Web Chat stream of {ConversationId} ended: {Reason}", conversationId, e.Message);
        }
        finally
        {
            await stop.CancelAsync();
            try { await reading; } catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        }
    }

    /// <summary>Stores the conversation's first event (the user joined), and runs the bot's turn for it.</summary>
    private async Task StartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var update = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount(userId, role: RoleTypes.User)] };
        if (Append(new TokenGrant(conversationId, userId), update) is not null)
            await adapter.ProcessBuiltInChannelActivityAsync(update, Bot().OnTurnAsync, cancellationToken);
    }

    /// <summary>Makes the activity the token's user's, in the token's conversation of this channel, and stores it.</summary>
    private string? Append(TokenGrant grant, Activity activity)
    {
        // The body's sender, names included, is never trusted: the token says who this is.
        activity.From = new ChannelAccount(grant.UserId, role: RoleTypes.User);
        activity.Recipient = new ChannelAccount(BotId, "ReformBot", RoleTypes.Bot);
        activity.ChannelId = LocalConnector.ChannelId;
        activity.ServiceUrl = connector.ServiceUrl;
        activity.Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: grant.ConversationId);
        activity.ReplyToId = null;
        return store.Append(grant.ConversationId, activity);
    }

    private IBot Bot() => services.GetRequiredService<IBot>();

    private object Conversation(HttpContext http, TokenGrant grant, long? watermark)
    {
        var ticket = tickets.Issue(grant);
        var baseUrl = PublicBase(http);
        var socketBase = baseUrl.StartsWith("https://", StringComparison.Ordinal) ? "wss://" + baseUrl["https://".Length..] : "ws://" + baseUrl["http://".Length..];
        var streamUrl = $"{socketBase}{PathBase}/conversations/{Uri.EscapeDataString(grant.ConversationId)}/stream?t={ticket}"
            + (watermark is { } w ? $"&watermark={w}" : "");
        var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        return new { conversationId = grant.ConversationId, token, expires_in = options.Value.TokenMinutes * 60, streamUrl };
    }

    /// <summary>The address the browser reached the host at (with the reverse proxy's forwarded scheme and host).</summary>
    private static string PublicBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private TokenGrant? Grant(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? store.Validate(header["Bearer ".Length..].Trim()) : null;
    }

    private TokenGrant? Authorize(HttpContext http, string conversationId) =>
        Grant(http) is { } grant && string.Equals(grant.ConversationId, conversationId, StringComparison.Ordinal) ? grant : null;

    private IResult Refused(HttpContext http, string conversationId)
    {
        if (Grant(http) is null) return Unauthorized();
        logger.LogWarning("Refused a Direct Line request for conversation {ConversationId} with a token of another conversation", conversationId);
        return Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is not valid for this conversation.");
    }

    private static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, "TokenExpired", "A valid token is required: Authorization: Bearer <token>.");

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    private static long? ParseWatermark(string? watermark) =>
        long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : null;

    internal static string Frame(IReadOnlyList<StoredActivity> activities, long watermark)
    {
        var json = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0) json.Append(',');
            json.Append(activities[i].Json);
        }
        return json.Append("],\"watermark\":\"").Append(watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\"}").ToString();
    }

    private static async Task<Activity?> ReadActivityPartAsync(IFormFile part)
    {
        using var reader = new StreamReader(part.OpenReadStream(), Encoding.UTF8);
        try
        {
            return JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task ReadUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return;
        }
    }
}
