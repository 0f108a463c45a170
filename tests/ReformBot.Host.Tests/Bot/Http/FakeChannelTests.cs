using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Host.Bot;
using ReformBot.Host.Messages;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>Without expectReplies the SDK's connector client posts replies to the activity's serviceUrl.</summary>
public sealed class FakeChannelTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_reply_is_posted_to_the_channel_at_the_serviceUrl()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));
        const string conversationId = "19:abc@thread.test"; // a Teams-like id, escaped into the path by the connector

        using var response = await host.Http.PostAsync(BotHttp.Message(conversationId, "帮助", expectReplies: false, serviceUrl: channel.ServiceUrl, id: "incoming-1"));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"Status {response.StatusCode}");
        var received = Assert.Single(channel.Activities);
        Assert.Equal(conversationId, received.ConversationId);
        Assert.Equal("incoming-1", received.ActivityId);
        Assert.Equal("message", received.Activity.GetProperty("type").GetString());
        Assert.StartsWith(TestFiles.Messages[MessageKeys.Bot.HelpHeader], received.Text);
        Assert.Equal("incoming-1", received.Activity.GetProperty("replyToId").GetString());
        Assert.Equal(conversationId, received.Activity.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("reformbot", received.Activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user-1", received.Activity.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("", received.Authorization); // no app id, no token
    }

    [Fact]
    public async Task A_failing_turn_still_tells_the_user_through_the_channel()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
            builder.Services.AddTransient<IBot>(sp => new ThrowingBot(ActivatorUtilities.CreateInstance<ReformBotActivityHandler>(sp))));

        using var failed = await host.Http.PostAsync(BotHttp.Message("c-boom", ThrowingBot.Boom, expectReplies: false, serviceUrl: channel.ServiceUrl));
        using var next = await host.Http.PostAsync(BotHttp.Message("c-boom", "帮助", expectReplies: false, serviceUrl: channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(2, channel.Activities.Count);
        Assert.Equal(TestFiles.Messages[MessageKeys.Bot.Error], channel.Activities[0].Text);
        Assert.StartsWith(TestFiles.Messages[MessageKeys.Bot.HelpHeader], channel.Activities[1].Text);
    }
}
