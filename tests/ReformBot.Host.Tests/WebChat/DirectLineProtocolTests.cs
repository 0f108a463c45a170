using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Contacts;
using ReformBot.Host.Messages;
using ReformBot.Host.Proactive;
using ReformBot.Host.Tests.Support;
using ReformBot.Host.WebChat;
using static ReformBot.Host.Tests.WebChat.DirectLineClient;

namespace ReformBot.Host.Tests.WebChat;

/// <summary>The Direct Line 3.0 endpoint on the real host, with scripted clients over loopback HTTP and WebSockets.</summary>
public sealed class DirectLineProtocolTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private readonly RunningHost _host = shared.Host;
    private readonly MessageCatalog _messages = TestFiles.Messages;

    private async Task<DirectLineClient> StartedClientAsync()
    {
        var client = new DirectLineClient(_host.Endpoint.Url);
        await client.StartAsync();
        return client;
    }

    [Fact]
    public async Task A_new_browser_gets_a_cookie_a_conversation_and_the_welcome()
    {
        using var client = await StartedClientAsync();

        var cookie = Assert.Single(client.Cookies.GetAllCookies(), c => c.Name == DirectLineEndpoints.CookieName);
        Assert.True(cookie.HttpOnly);
        var activities = await client.PollUntilAsync(null, all => all.Any(a => Text(a) == _messages[MessageKeys.Bot.Welcome]));
        Assert.Equal("conversationUpdate", activities[0]["type"]!.GetValue<string>());
        Assert.All(activities, a => Assert.Equal(client.ConversationId, a["conversation"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_users_message_is_echoed_with_its_clientActivityID_and_the_reply_follows()
    {
        using var client = await StartedClientAsync();
        var (_, start) = await client.PollAsync(null);

        var clientId = await client.SayAsync("帮助");

        var activities = await client.PollUntilAsync(start, all => all.Count >= 2);
        var echo = activities[0];
        Assert.Equal(clientId, ClientActivityId(echo));
        Assert.False(string.IsNullOrEmpty(echo["id"]!.GetValue<string>()));
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.StartsWith(_messages[MessageKeys.Bot.HelpHeader], Text(activities[1]));
        Assert.Equal("bot", activities[1]["from"]!["role"]!.GetValue<string>());
        Assert.Equal(echo["id"]!.GetValue<string>(), activities[1]["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_conversations_token_is_refused_everywhere()
    {
        using var alice = await StartedClientAsync();
        using var mallory = await StartedClientAsync();
        await alice.SayAsync("帮助");

        using var read = await mallory.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{alice.ConversationId}/activities");
        using var post = await mallory.PostActivityAsync(Message("我是别人", "x"), alice.ConversationId);
        using var reconnect = await mallory.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{alice.ConversationId}");
        using var upload = await mallory.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{alice.ConversationId}/upload",
            new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.bin" } });
        using var noToken = await mallory.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{alice.ConversationId}/activities", token: "forged");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        var (activities, _) = await alice.PollAsync(null);
        Assert.DoesNotContain(activities, a => Text(a) == "我是别人");

        // A stream ticket of one conversation does not open another's stream.
        var otherStream = mallory.StreamUrl.Replace(mallory.ConversationId, alice.ConversationId);
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(new Uri(otherStream), CancellationToken.None));
    }

    [Fact]
    public async Task A_forged_sender_is_replaced_by_the_tokens_user()
    {
        using var client = await StartedClientAsync();
        var (first, _) = await client.PollAsync(null);
        var userId = first[0]["membersAdded"]![0]!["id"]!.GetValue<string>();

        var clientId = await client.SayAsync("帮助");

        var echo = (await client.PollUntilAsync(null, all => all.Any(a => ClientActivityId(a) == clientId))).Single(a => ClientActivityId(a) == clientId);
        Assert.Equal(userId, echo["from"]!["id"]!.GetValue<string>());
        Assert.Null(echo["from"]!["name"]);
        Assert.NotEqual("whoever", userId);
    }

    [Fact]
    public async Task Polling_and_the_WebSocket_give_the_same_activities()
    {
        using var client = await StartedClientAsync();
        using var socket = await client.OpenSocketAsync();
        await socket.ReceiveUntilAsync(all => all.Any(a => Text(a) == _messages[MessageKeys.Bot.Welcome]));

        await client.SayAsync("帮助");
        await client.SayAsync("/help");
        var streamed = await socket.ReceiveUntilAsync(all => all.Count(a => Text(a).StartsWith(_messages[MessageKeys.Bot.HelpHeader])) == 2);
        var polled = await client.PollUntilAsync(null, all => all.Count >= streamed.Count);

        Assert.Equal(polled.Select(a => a["id"]!.GetValue<string>()), streamed.Select(a => a["id"]!.GetValue<string>()));
        Assert.Equal(polled.Select(a => a.ToJsonString()), streamed.Select(a => a.ToJsonString()));
    }

    [Fact]
    public async Task Reconnecting_with_a_watermark_resumes_with_no_gap_and_no_duplicate()
    {
        using var client = await StartedClientAsync();
        var first = await client.OpenSocketAsync();
        await client.SayAsync("帮助");
        await first.ReceiveUntilAsync(all => all.Any(a => Text(a).StartsWith(_messages[MessageKeys.Bot.HelpHeader])));
        var watermark = first.Watermark;
        var seen = first.Received.Select(a => a["id"]!.GetValue<string>()).ToList();
        first.Dispose();

        // Said while no socket is open: it must come on the next one, once.
        await client.SayAsync("/help");
        using var reconnected = await client.ReconnectAsync(watermark);
        Assert.Equal(HttpStatusCode.OK, reconnected.StatusCode);
        using var second = await client.OpenSocketAsync();
        var resumed = await second.ReceiveUntilAsync(all => all.Any(a => Text(a).StartsWith(_messages[MessageKeys.Bot.HelpHeader])));

        var all = seen.Concat(resumed.Select(a => a["id"]!.GetValue<string>())).ToList();
        var polled = await client.PollAsync(null);
        Assert.Equal(polled.Activities.Select(a => a["id"]!.GetValue<string>()), all);
    }

    [Fact]
    public async Task A_proactive_message_is_pushed_to_the_open_socket()
    {
        using var client = await StartedClientAsync();
        using var socket = await client.OpenSocketAsync();
        var welcome = await socket.ReceiveUntilAsync(all => all.Any(a => Text(a) == _messages[MessageKeys.Bot.Welcome]));
        var userId = welcome[0]["membersAdded"]![0]!["id"]!.GetValue<string>();
        var connector = _host.Services.GetRequiredService<LocalConnector>();
        var address = new ConversationAddress("webchat", connector.ServiceUrl, client.ConversationId, userId, null, "reformbot");

        var delivery = await _host.Services.GetRequiredService<IProactiveSender>().SendAsync(address, "提醒：请汇报本季度进展。", CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, delivery.Result);
        var pushed = await socket.ReceiveUntilAsync(all => all.Any(a => Text(a) == "提醒：请汇报本季度进展。"));
        Assert.Equal(delivery.ActivityId, pushed.Single(a => Text(a) == "提醒：请汇报本季度进展。")["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_proactive_message_to_an_unknown_conversation_is_unreachable()
    {
        var connector = _host.Services.GetRequiredService<LocalConnector>();
        var address = new ConversationAddress("webchat", connector.ServiceUrl, "no-such-conversation", "u", null, "reformbot");

        var delivery = await _host.Services.GetRequiredService<IProactiveSender>().SendAsync(address, "x", CancellationToken.None);

        Assert.Equal(DeliveryResult.Unreachable, delivery.Result);
    }

    [Fact]
    public async Task The_connector_route_refuses_calls_without_the_hosts_secret()
    {
        using var client = await StartedClientAsync();
        using var content = JsonContent.Create(new { type = "message", text = "伪造的机器人消息" });

        using var response = await _host.Http.PostAsync($"{LocalConnector.PathBase}v3/conversations/{client.ConversationId}/activities", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var (activities, _) = await client.PollAsync(null);
        Assert.DoesNotContain(activities, a => Text(a) == "伪造的机器人消息");
    }

    [Fact]
    public async Task A_refreshed_token_keeps_the_user_and_conversation()
    {
        using var client = await StartedClientAsync();

        using var refreshed = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(client.ConversationId, body.GetProperty("conversationId").GetString());
        client.Token = body.GetProperty("token").GetString()!;
        await client.SayAsync("帮助");
    }

    [Fact]
    public async Task The_same_browser_comes_back_to_its_conversation_and_a_new_one_does_not()
    {
        using var first = await StartedClientAsync();
        using var again = new DirectLineClient(_host.Endpoint.Url, first.Cookies);
        await again.StartAsync();
        using var stranger = await StartedClientAsync();

        Assert.Equal(first.ConversationId, again.ConversationId);
        Assert.NotEqual(first.ConversationId, stranger.ConversationId);
    }

    [Fact]
    public async Task An_uploaded_file_becomes_an_attachment_of_the_users_message()
    {
        using var client = await StartedClientAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("证明材料"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "evidence.txt");

        using var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload?userId=x", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await client.PollUntilAsync(null, all => all.Any(a => a["attachments"] is not null))).First(a => a["attachments"] is not null);
        var url = message["attachments"]![0]!["contentUrl"]!.GetValue<string>();
        Assert.Equal("证明材料", await client.Http.GetStringAsync(url));
    }

    [Fact]
    public async Task Two_hundred_conversations_at_once_lose_nothing()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => StartedClientAsync()));
        try
        {
            var said = await Task.WhenAll(clients.Select(async c => (Client: c, First: await c.SayAsync("帮助"), Second: await c.SayAsync("/help"))));

            foreach (var (client, first, second) in said)
            {
                var (activities, _) = await client.PollAsync(null);
                Assert.Equal([first, second], activities.Select(ClientActivityId).OfType<string>());
                Assert.Equal(2, activities.Count(a => Text(a).StartsWith(_messages[MessageKeys.Bot.HelpHeader])));
                var watermarks = activities.Select(a => a["id"]!.GetValue<string>()).ToList();
                Assert.Equal(watermarks.Distinct().Count(), watermarks.Count);
            }
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }
}
