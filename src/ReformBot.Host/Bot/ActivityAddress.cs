using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using ReformBot.Core.Contacts;

namespace ReformBot.Host.Bot;

/// <summary>Where an incoming message came from, kept so that the bot can write to its sender later (proactive messages).</summary>
public static class ActivityAddress
{
    /// <summary>The sender's address, or null when the activity lacks the channel, service URL, conversation or sender.</summary>
    public static ConversationAddress? Of(IActivity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.ServiceUrl)
            || activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.From?.Id is not { Length: > 0 } userId)
            return null;
        return new ConversationAddress(activity.ChannelId, activity.ServiceUrl, conversationId, userId, TenantOf(activity), activity.Recipient?.Id);
    }

    /// <summary>The conversation's tenant; Teams may give it only in its channel data.</summary>
    private static string? TenantOf(IActivity activity)
    {
        if (activity.Conversation?.TenantId is { Length: > 0 } tenant) return tenant;
        if (activity.ChannelId != Channels.Msteams || activity is not Activity full) return null;
        try
        {
            return full.TryGetChannelData<TeamsChannelData>(out var data) ? data?.Tenant?.Id : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
