using System.Net;
using ReformBot.Host.Messages;

namespace ReformBot.Host.WebChat;

/// <summary>
/// GET /: the Web Chat page, its texts from the message catalog. Without the Web Chat bundle (Node.js
/// was missing at build) the page says what to install instead.
/// </summary>
public sealed class WebChatPage(IWebHostEnvironment environment, MessageCatalog messages)
{
    private const string TemplatePath = "WebChatPage/index.html";
    private const string BundlePath = "webchat/webchat.js";

    public IResult Get()
    {
        var template = Path.Combine(environment.ContentRootPath, TemplatePath);
        if (!environment.WebRootFileProvider.GetFileInfo(BundlePath).Exists || !File.Exists(template))
            return Results.Content(Html(messages[MessageKeys.WebChat.ClientMissing]), "text/html; charset=utf-8");
        var page = File.ReadAllText(template)
            .Replace("{{title}}", WebUtility.HtmlEncode(messages[MessageKeys.WebChat.PageTitle]), StringComparison.Ordinal)
            .Replace("{{connectionFailed}}", WebUtility.HtmlEncode(messages[MessageKeys.WebChat.ConnectionFailed]), StringComparison.Ordinal);
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private string Html(string text) =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{WebUtility.HtmlEncode(messages[MessageKeys.WebChat.PageTitle])}</title></head><body><p>{WebUtility.HtmlEncode(text)}</p></body></html>";
}
