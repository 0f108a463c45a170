using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReformBot.Host.Tests.WebChat;

/// <summary>
/// A scripted Direct Line 3.0 client over real HTTP and WebSockets, doing what Web Chat's DirectLine
/// client does: a token from the page's endpoint (with the browser's cookie), start, post, poll, stream.
/// </summary>
public sealed class DirectLineClient : IDisposable
{
    private readonly HttpClient _http;

    public DirectLineClient(string baseUrl, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies }) { BaseAddress = new Uri(baseUrl) };
    }

    public CookieContainer Cookies { get; }

    public string Token { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public string StreamUrl { get; private set; } = "";

    public HttpClient Http => _http;

    /// <summary>tokens/generate, then POST conversations: as the page starts Web Chat.</summary>
    public async Task StartAsync()
    {
        using var generated = await _http.PostAsync("/v3/directline/tokens/generate", null);
        generated.EnsureSuccessStatusCode();
        var body = await generated.Content.ReadFromJsonAsync<JsonElement>();
        Token = body.GetProperty("token").GetString()!;
        using var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        ConversationId = conversation.GetProperty("conversationId").GetString()!;
        StreamUrl = conversation.GetProperty("streamUrl").GetString()!;
    }

    /// <summary>GET conversations/{id}?watermark=: a fresh streamUrl.</summary>
    public async Task<HttpResponseMessage> ReconnectAsync(long? watermark)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}" + (watermark is { } w ? $"?watermark={w}" : ""));
        if (response.IsSuccessStatusCode)
            StreamUrl = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        return response;
    }

    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities",
            new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Posts a message as Web Chat does, with a clientActivityID; returns that id.</summary>
    public async Task<string> SayAsync(string text)
    {
        var clientId = Guid.NewGuid().ToString("N");
        using var response = await PostActivityAsync(Message(text, clientId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return clientId;
    }

    public static JsonObject Message(string text, string clientActivityId) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["locale"] = "zh-CN",
        ["from"] = new JsonObject { ["id"] = "whoever", ["name"] = "typed name", ["role"] = "user" },
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
    };

    /// <summary>One poll: the activities after the watermark and the new watermark.</summary>
    public async Task<(List<JsonObject> Activities, long Watermark)> PollAsync(long? watermark, string? conversationId = null)
    {
        using var response = await SendAsync(HttpMethod.Get,
            $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities" + (watermark is { } w ? $"?watermark={w}" : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (body["activities"]!.AsArray().Select(a => a!.AsObject()).ToList(), long.Parse(body["watermark"]!.GetValue<string>()));
    }

    /// <summary>Polls until <paramref name="done"/> holds for everything received after the watermark.</summary>
    public async Task<List<JsonObject>> PollUntilAsync(long? watermark, Func<List<JsonObject>, bool> done, TimeSpan? timeout = null)
    {
        var all = new List<JsonObject>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var (activities, next) = await PollAsync(watermark);
            all.AddRange(activities);
            watermark = next;
            if (done(all)) return all;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Polling did not get the expected activities; got: " + string.Join(" | ", all.Select(a => a["text"])));
            await Task.Delay(50);
        }
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return _http.SendAsync(request);
    }

    public async Task<DirectLineSocket> OpenSocketAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(StreamUrl), CancellationToken.None);
        return new DirectLineSocket(socket);
    }

    public void Dispose() => _http.Dispose();

    public static string? ClientActivityId(JsonObject activity) => activity["channelData"]?["clientActivityID"]?.GetValue<string>();

    public static string Text(JsonObject activity) => activity["text"]?.GetValue<string>() ?? "";
}

/// <summary>The receiving end of a streamUrl: frames {activities, watermark}; empty frames are keep-alives.</summary>
public sealed class DirectLineSocket(ClientWebSocket socket) : IDisposable
{
    public List<JsonObject> Received { get; } = [];

    public long Watermark { get; private set; }

    public ClientWebSocket Socket => socket;

    /// <summary>Reads frames until <paramref name="done"/> holds for everything received so far.</summary>
    public async Task<List<JsonObject>> ReceiveUntilAsync(Func<List<JsonObject>, bool> done, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        var buffer = new byte[64 * 1024];
        while (!done(Received))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancel.Token);
                    frame.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The stream did not bring the expected activities; got: " + string.Join(" | ", Received.Select(a => a["text"])));
            }
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The server closed the stream.");
            if (frame.Length == 0) continue;
            var body = JsonNode.Parse(frame.ToArray())!.AsObject();
            Received.AddRange(body["activities"]!.AsArray().Select(a => a!.AsObject()));
            Watermark = long.Parse(body["watermark"]!.GetValue<string>());
        }
        return Received;
    }

    public void Dispose() => socket.Dispose();
}
