using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReformBot.Host.Bot;
using ReformBot.Host.Messages;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// POST /api/messages on the real host over loopback HTTP, with deliveryMode expectReplies. The tests
/// share one host, each in conversations of its own.
/// </summary>
public sealed class BotEndpointTests(SharedHost shared) : IClassFixture<SharedHost>, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly MessageCatalog _messages = TestFiles.Messages;
    private readonly RunningHost _host = shared.Host;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Help_comes_back_in_the_response_body_with_expectReplies()
    {
        using var response = await _host.Http.PostAsync(BotHttp.Message("c-help", "帮助"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reply = Assert.Single(body.GetProperty("activities").EnumerateArray());
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.StartsWith(_messages[MessageKeys.Bot.HelpHeader], reply.GetProperty("text").GetString());
        Assert.Equal("c-help", reply.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("{\"type\":\"message\",\"text\":")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"not a time\"}")]
    public async Task A_body_that_is_not_an_activity_gets_400(string body)
    {
        using var response = await _host.Http.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(_messages[MessageKeys.Bot.HelpHeader], (await _host.Http.SayAsync("c-after", "帮助")).Single());
    }

    [Theory]
    [InlineData("conversation", null)]
    [InlineData("from", null)]
    [InlineData("serviceUrl", null)]
    [InlineData("channelId", null)]
    [InlineData("serviceUrl", "not a url")]
    [InlineData("serviceUrl", "ftp://127.0.0.1/")]
    [InlineData("conversation", "empty")]
    public async Task An_activity_missing_what_every_channel_sends_gets_400_and_nothing_breaks(string field, string? value)
    {
        var activity = BotHttp.Message("c-missing", "帮助");
        if (value is null) activity.Remove(field);
        else activity[field] = value == "empty" ? new { id = "" } : value;

        using var response = await _host.Http.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(_messages[MessageKeys.Bot.HelpHeader], (await _host.Http.SayAsync("c-missing", "帮助")).Single());
    }

    [Fact]
    public async Task An_unknown_activity_type_is_accepted_and_ignored()
    {
        var activity = BotHttp.Message("c-foo", "帮助");
        activity["type"] = "foo";

        using var response = await _host.Http.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.ReplyTextsAsync());
        Assert.StartsWith(_messages[MessageKeys.Bot.HelpHeader], (await _host.Http.SayAsync("c-foo", "帮助")).Single());
    }

    [Fact]
    public async Task A_megabyte_of_text_gets_a_polite_refusal()
    {
        var text = new string('汇', 400_000); // 1.2 MB of UTF-8

        var replies = await _host.Http.SayAsync("c-long", text);

        Assert.Equal(_messages.Format(MessageKeys.Bot.TooLong, ReformBotActivityHandler.MaxMessageLength), Assert.Single(replies));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_gets_413(bool chunked)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(BotHttp.Message("c-huge", new string('a', (int)BotEndpoint.MaxRequestBodyBytes)));
        HttpContent content = chunked ? new StreamContent(new MemoryStream(json)) : new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHttp.Path) { Content = content };
        if (chunked) request.Headers.TransferEncodingChunked = true;
        // With a Content-Length over the limit the host answers before reading the body and closes the
        // connection; waiting for "100 Continue" lets the client read that answer instead of failing mid-upload.
        else request.Headers.ExpectContinue = true;

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_is_not_allowed()
    {
        using var response = await _host.Http.GetAsync(BotHttp.Path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_turn_that_throws_is_logged_the_user_told_in_Chinese_and_the_conversation_goes_on()
    {
        var logs = new LogCapture();
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddTransient<IBot>(sp => new ThrowingBot(ActivatorUtilities.CreateInstance<ReformBotActivityHandler>(sp)));
        });

        var failed = await host.Http.SayAsync("c-boom", ThrowingBot.Boom);
        var next = await host.Http.SayAsync("c-boom", "帮助");

        Assert.Equal(_messages[MessageKeys.Bot.Error], Assert.Single(failed));
        Assert.StartsWith(_messages[MessageKeys.Bot.HelpHeader], Assert.Single(next));
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Equal("c-boom", error["ConversationId"]);
    }

    [Fact]
    public async Task Channels_and_proactive_turns_share_one_adapter_with_the_error_handler()
    {
        await using var bot = BotHarness.Create(_dir.DatabasePath);

        var adapter = Assert.IsType<AdapterWithErrorHandler>(bot.Get<CloudAdapter>());
        Assert.Same(adapter, bot.Get<IBotFrameworkHttpAdapter>());
        Assert.Null(bot.Services.GetService<UserState>());
    }
}
