using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Contacts;
using ReformBot.Host.Messages;
using ReformBot.Host.Proactive;
using ReformBot.Host.Tests.Support;
using ReformBot.Host.WebChat;
using static ReformBot.Host.Tests.WebChat.DirectLineClient;

namespace ReformBot.Host.Tests.WebChat;

/// <summary>The Web Chat channel across a host restart, and with an Azure app id configured.</summary>
public sealed class DirectLineRestartTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly MessageCatalog _messages = TestFiles.Messages;

    public DirectLineRestartTests() => TemplateDatabase.CopyTo(_dir.DatabasePath);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task After_a_restart_the_client_resumes_from_its_watermark_and_old_addresses_still_reach_it()
    {
        string token, conversationId, serviceUrlBefore, userId;
        long watermark;
        List<string> seen;
        await using (var host = await RunningHost.StartAsync(_dir.DatabasePath))
        {
            using var client = new DirectLineClient(host.Endpoint.Url);
            await client.StartAsync();
            using var socket = await client.OpenSocketAsync();
            await client.SayAsync("帮助");
            var received = await socket.ReceiveUntilAsync(all => all.Any(a => Text(a).StartsWith(_messages[MessageKeys.Bot.HelpHeader])));
            (token, conversationId, watermark) = (client.Token, client.ConversationId, socket.Watermark);
            seen = received.Select(a => a["id"]!.GetValue<string>()).ToList();
            userId = received[0]["membersAdded"]![0]!["id"]!.GetValue<string>();
            serviceUrlBefore = host.Services.GetRequiredService<LocalConnector>().ServiceUrl;
        }

        await using var restarted = await RunningHost.StartAsync(_dir.DatabasePath);
        using var again = new DirectLineClient(restarted.Endpoint.Url) { Token = token, ConversationId = conversationId };
        using var reconnect = await again.ReconnectAsync(watermark);
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        using var resumed = await again.OpenSocketAsync();
        var address = new ConversationAddress("webchat", serviceUrlBefore, conversationId, userId, null, "reformbot");
        var delivery = await restarted.Services.GetRequiredService<IProactiveSender>().SendAsync(address, "重启后的提醒", CancellationToken.None);
        await again.SayAsync("/help");

        var after = await resumed.ReceiveUntilAsync(all => all.Any(a => Text(a).StartsWith(_messages[MessageKeys.Bot.HelpHeader])));
        Assert.Equal(DeliveryResult.Delivered, delivery.Result);
        Assert.Contains(after, a => Text(a) == "重启后的提醒");
        var everything = (await again.PollAsync(null)).Activities.Select(a => a["id"]!.GetValue<string>());
        Assert.Equal(everything, seen.Concat(after.Select(a => a["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task With_an_app_id_set_replies_and_proactive_messages_need_no_Azure_AD_token()
    {
        await using var host = await RunningHost.StartAsync(_dir.DatabasePath, builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "6d6a9e51-6d0a-4f0e-9b7e-3c5f0f4b1a11",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppType"] = "SingleTenant",
        }));
        using var client = new DirectLineClient(host.Endpoint.Url);
        await client.StartAsync();
        await client.SayAsync("帮助");

        var activities = await client.PollUntilAsync(null, all => all.Any(a => Text(a).StartsWith(_messages[MessageKeys.Bot.HelpHeader])), TimeSpan.FromSeconds(15));

        Assert.Contains(activities, a => Text(a) == _messages[MessageKeys.Bot.Welcome]);
        var userId = activities[0]["membersAdded"]![0]!["id"]!.GetValue<string>();
        var address = new ConversationAddress("webchat", host.Services.GetRequiredService<LocalConnector>().ServiceUrl, client.ConversationId, userId, null,
            "6d6a9e51-6d0a-4f0e-9b7e-3c5f0f4b1a11");
        var delivery = await host.Services.GetRequiredService<IProactiveSender>().SendAsync(address, "有应用 ID 时的提醒", CancellationToken.None);
        Assert.Equal(DeliveryResult.Delivered, delivery.Result);
    }
}
