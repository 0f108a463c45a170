using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Contacts;
using ReformBot.Host.Proactive;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Faults;

/// <summary>
/// Fault scenario: request forgery through serviceUrl. The bot sends only to allowed service URLs,
/// never follows a redirect, and answers a conversationUpdate of 2,000 members with one welcome at most.
/// </summary>
public sealed class ServiceUrlForgeryTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private FakeChannel _allowed = null!;
    private FakeChannel _other = null!;
    private Redirector _redirector = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _allowed = await FakeChannel.StartAsync();
        _other = await FakeChannel.StartAsync();
        _redirector = await Redirector.StartAsync(_allowed.ServiceUrl);
        _host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ReformBot:Bot:AllowedServiceUrls:0"] = _allowed.ServiceUrl,
                ["ReformBot:Bot:AllowedServiceUrls:1"] = _redirector.ServiceUrl,
                ["ReformBot:Proactive:MaxAttempts"] = "1",
            }));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redirector.DisposeAsync();
        await _other.DisposeAsync();
        await _allowed.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_reply_goes_to_an_allowed_service_url()
    {
        using var response = await _host.Http.PostAsync(BotHttp.Message("c-allowed", "帮助", expectReplies: false, serviceUrl: _allowed.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_allowed.Activities, a => a.ConversationId == "c-allowed");
    }

    [Fact]
    public async Task An_activity_naming_another_loopback_port_gets_403_and_that_port_gets_no_request()
    {
        using var response = await _host.Http.PostAsync(BotHttp.Message("c-forged", "帮助", expectReplies: false, serviceUrl: _other.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_other.Activities);
    }

    [Fact]
    public async Task A_proactive_send_to_a_service_url_not_allowed_fails_without_a_request()
    {
        var sender = _host.Services.GetRequiredService<IProactiveSender>();

        var delivery = await sender.SendAsync(new ConversationAddress(BotHttp.ChannelId, _other.ServiceUrl, "c-stored", "user-1", null, "reformbot"), "提醒", CancellationToken.None);

        Assert.Equal(DeliveryResult.Failed, delivery.Result);
        Assert.Contains("not allowed", delivery.Error);
        Assert.Empty(_other.Activities);
    }

    [Fact]
    public async Task A_redirect_from_the_channel_is_not_followed()
    {
        var sender = _host.Services.GetRequiredService<IProactiveSender>();

        var delivery = await sender.SendAsync(new ConversationAddress(BotHttp.ChannelId, _redirector.ServiceUrl, "c-redirected", "user-1", null, "reformbot"), "提醒", CancellationToken.None);

        Assert.Equal(DeliveryResult.Failed, delivery.Result);
        Assert.Equal(307, delivery.StatusCode);
        Assert.Equal(1, _redirector.Requests);
        Assert.DoesNotContain(_allowed.Activities, a => a.ConversationId == "c-redirected");
    }

    [Fact]
    public async Task A_conversation_update_with_2000_members_sends_one_welcome_at_most()
    {
        var members = Enumerable.Range(1, 2000).Select(i => new { id = $"member-{i}", name = $"成员{i}" }).ToList();
        using var response = await _host.Http.PostAsync(Update("c-team", isGroup: true, members));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.ReplyTextsAsync()); // people joining a group: the bot was not added, no welcome

        using var botAdded = await _host.Http.PostAsync(Update("c-team", isGroup: true, [.. members.Take(1999), new { id = "reformbot", name = "ReformBot" }]));
        Assert.Single(await botAdded.ReplyTextsAsync());
    }

    [Fact]
    public async Task A_person_starting_a_one_to_one_conversation_gets_one_welcome()
    {
        using var response = await _host.Http.PostAsync(Update("c-personal", isGroup: false,
            [new { id = "reformbot", name = "ReformBot" }, new { id = "user-1", name = "联络员" }]));

        var welcome = Assert.Single(await response.ReplyTextsAsync());
        Assert.Equal(TestFiles.Messages[ReformBot.Host.Messages.MessageKeys.Bot.Welcome], welcome);
    }

    private Dictionary<string, object?> Update(string conversationId, bool isGroup, IEnumerable<object> membersAdded) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = BotHttp.ChannelId,
        ["serviceUrl"] = _allowed.ServiceUrl, // with expectReplies the replies come back in the response instead
        ["conversation"] = new { id = conversationId, isGroup },
        ["from"] = new { id = "user-1" },
        ["recipient"] = new { id = "reformbot", name = "ReformBot" },
        ["membersAdded"] = membersAdded.ToList(),
        ["deliveryMode"] = "expectReplies",
    };

    /// <summary>A "channel" that answers every post with 307 to another address, to see whether the bot follows.</summary>
    private sealed class Redirector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private Redirector(WebApplication app) => _app = app;

        public string ServiceUrl { get; private set; } = "";

        public int Requests => _requests;

        public static async Task<Redirector> StartAsync(string target)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var redirector = new Redirector(app);
            app.MapPost("/{**path}", (string path) =>
            {
                Interlocked.Increment(ref redirector._requests);
                return Results.Redirect(target + path, permanent: false, preserveMethod: true);
            });
            await app.StartAsync();
            redirector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";
            return redirector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
