using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using SkiaSharp;

namespace ReformBot.Host.Tests.Support;

public static class ChatReplies
{
    /// <summary>Sends <paramref name="text"/> as <paramref name="userId"/> and returns every reply, however many.</summary>
    public static async Task<List<IMessageActivity>> AllRepliesAsync(this BotHarness bot, string userId, string text)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation($"conversation-{userId}", userId, "bot"));
        await adapter.SendTextToBotAsync(text, bot.Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IMessageActivity>();
        while (adapter.GetNextReply() is { } reply) replies.Add(reply.AsMessageActivity());
        return replies;
    }

    /// <summary>The PNG of an inline image attachment (a data URI), decoded.</summary>
    public static SKBitmap InlinePng(this Attachment attachment)
    {
        Assert.Equal("image/png", attachment.ContentType);
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, attachment.ContentUrl);
        var bitmap = SKBitmap.Decode(Convert.FromBase64String(attachment.ContentUrl[prefix.Length..]));
        Assert.NotNull(bitmap);
        return bitmap;
    }

    public static bool IsChart(this IMessageActivity activity) => activity.Attachments is { Count: > 0 };
}
