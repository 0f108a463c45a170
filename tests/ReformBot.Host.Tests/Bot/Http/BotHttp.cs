using System.Net.Http.Json;
using System.Text.Json;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>Activities as a channel posts them to /api/messages, and the replies that come back.</summary>
public static class BotHttp
{
    public const string Path = "/api/messages";
    public const string ChannelId = "test";

    /// <summary>Never contacted: with expectReplies the replies come back in the response body.</summary>
    public const string UnusedServiceUrl = "http://127.0.0.1:9/";

    public static Dictionary<string, object?> Message(string conversationId, string text, bool expectReplies = true,
        string serviceUrl = UnusedServiceUrl, string? id = null, string userId = "user-1")
    {
        var activity = new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["channelId"] = ChannelId,
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new { id = conversationId },
            ["from"] = new { id = userId, name = "联络员" },
            ["recipient"] = new { id = "reformbot", name = "ReformBot" },
            ["text"] = text,
            ["locale"] = "zh-CN",
        };
        if (expectReplies) activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient http, object activity) =>
        http.PostAsJsonAsync(Path, activity);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string body) =>
        http.PostAsync(Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>The texts of the replies in an expectReplies response ({"activities":[...]}).</summary>
    public static async Task<List<string>> ReplyTextsAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "")
            .ToList();
    }

    /// <summary>Sends one message with expectReplies and returns the texts of the replies.</summary>
    public static async Task<List<string>> SayAsync(this HttpClient http, string conversationId, string text)
    {
        using var response = await http.PostAsync(Message(conversationId, text));
        return await response.ReplyTextsAsync();
    }
}
