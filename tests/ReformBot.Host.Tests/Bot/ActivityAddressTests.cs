using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReformBot.Core.Contacts;
using ReformBot.Host.Bot;

namespace ReformBot.Host.Tests.Bot;

public sealed class ActivityAddressTests
{
    private static Activity Message(string channelId, string? tenant = null, object? channelData = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = channelId,
        ServiceUrl = "https://smba.trafficmanager.net/cn/",
        From = new ChannelAccount("29:user", "王伟"),
        Recipient = new ChannelAccount("28:bot", "ReformBot"),
        Conversation = new ConversationAccount(id: "a:conv", tenantId: tenant),
        ChannelData = channelData,
    };

    [Fact]
    public void The_address_has_channel_service_conversation_user_tenant_and_bot()
    {
        Assert.Equal(
            new ConversationAddress("msteams", "https://smba.trafficmanager.net/cn/", "a:conv", "29:user", "tenant-1", "28:bot"),
            ActivityAddress.Of(Message("msteams", tenant: "tenant-1")));
    }

    [Fact]
    public void Teams_may_give_the_tenant_only_in_its_channel_data()
    {
        var channelData = JObject.Parse("""{"tenant":{"id":"tenant-2"}}""");

        Assert.Equal("tenant-2", ActivityAddress.Of(Message("msteams", channelData: channelData))!.TenantId);
        Assert.Equal("tenant-1", ActivityAddress.Of(Message("msteams", tenant: "tenant-1", channelData: channelData))!.TenantId);
        Assert.Null(ActivityAddress.Of(Message("webchat", channelData: channelData))!.TenantId);
        Assert.Null(ActivityAddress.Of(Message("msteams", channelData: JObject.Parse("""{"tenant":"odd"}""")))!.TenantId);
    }

    [Fact]
    public void An_activity_without_a_sender_or_conversation_has_no_address()
    {
        Assert.Null(ActivityAddress.Of(Message("webchat").Also(a => a.From = null)));
        Assert.Null(ActivityAddress.Of(Message("webchat").Also(a => a.Conversation = null)));
        Assert.Null(ActivityAddress.Of(Message("webchat").Also(a => a.ServiceUrl = null)));
    }
}

internal static class ActivityTestExtensions
{
    public static Activity Also(this Activity activity, Action<Activity> change)
    {
        change(activity);
        return activity;
    }
}
