using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.Proactive;

namespace ReformBot.Host.Tests.Support;

/// <summary>
/// A bot test whose contacts are reached on a scripted loopback channel: for commands whose messages go
/// out in the background (提醒, 催办, 退回) and arrive there, not in the turn's replies.
/// </summary>
public abstract class ChannelBotTest : BotTest
{
    protected ScriptedChannel Channel { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Channel = await ScriptedChannel.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Channel.DisposeAsync();
    }

    /// <summary>A contact whose conversation is <c>conversation-{userId}</c> on the channel.</summary>
    protected Contact SaveContact(string userId, string name, bool isOffice, params string[] departments)
    {
        var contact = new Contact($"contact-{userId}", name, departments, isOffice,
            new ConversationAddress("test", Channel.ServiceUrl, $"conversation-{userId}", userId, null, "bot"), Bot.Time.GetUtcNow());
        Bot.Get<IContactRepository>().Save(contact);
        return contact;
    }

    /// <summary>The text of the <paramref name="count"/>-th message delivered to a conversation, once it arrives.</summary>
    protected async Task<string> Next(string conversationId, int count = 1)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Channel.HitsOf(conversationId).Count(h => h.Status == 200) < count)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail($"No message {count} to {conversationId} within 10 s.");
            await Task.Delay(20);
        }
        return Channel.HitsOf(conversationId).Where(h => h.Status == 200).ElementAt(count - 1).Text!;
    }
}
