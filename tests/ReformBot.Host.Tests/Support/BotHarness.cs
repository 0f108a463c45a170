using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Web;

namespace ReformBot.Host.Tests.Support;

/// <summary>
/// The bot as the host composes it (real services, a real LiteDB file seeded with the shipped plan:
/// a copy of <see cref="TemplateDatabase"/> unless the file exists),
/// driven through the SDK's TestAdapter, with a clock the test sets.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHarness(WebApplication app, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public IBot Bot => _app.Services.GetRequiredService<IBot>();

    /// <param name="now">Defaults to 2026-12-20 10:00 in Shanghai: period 2026Q4 is open, due 2027-01-10.</param>
    public static BotHarness Create(string databasePath, DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        var time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.FromHours(8)));
        var app = ReformBotWebHost.Build(["--db", TemplateDatabase.CopyTo(databasePath), "--urls", "http://127.0.0.1:0"], TestFiles.Messages, services =>
        {
            services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(services);
        });
        return new BotHarness(app, time);
    }

    /// <summary>Registers a contact for the TestAdapter's channel and user.</summary>
    public Contact AddContact(string userId, params string[] departments) => Save(new Contact(
        $"contact-{userId}", $"联络员{userId}", departments, IsOffice: false,
        // A closed loopback port: a proactive message sent by mistake never leaves the machine.
        new ConversationAddress("test", "http://127.0.0.1:9/", $"conversation-{userId}", userId, null, "bot"), Time.GetUtcNow()));

    public Contact AddOfficeMember(string userId) =>
        Save(AddContact(userId) with { IsOffice = true });

    /// <summary>A conversation of <paramref name="userId"/> with the bot.</summary>
    public TestFlow Conversation(string userId = "user1") =>
        new(new TestAdapter(TestAdapter.CreateConversation($"conversation-{userId}", userId, "bot")), Bot);

    /// <summary><paramref name="userId"/> writing in a conversation that others may share, e.g. a group chat.</summary>
    public TestFlow Conversation(string userId, string conversationId, bool isGroup)
    {
        var reference = TestAdapter.CreateConversation(conversationId, userId, "bot");
        reference.Conversation.IsGroup = isGroup;
        return new(new TestAdapter(reference), Bot);
    }

    /// <summary>A message that @mentions the bot as Teams sends it: the mention's text inside the message text.</summary>
    public static Activity Mentioning(string text, string mention = "<at>ReformBot</at>")
    {
        // As it arrives over the wire: an Entity whose properties hold the mention.
        var entity = new Entity();
        entity.SetAs(new Mention { Mentioned = new ChannelAccount("bot", "ReformBot"), Text = mention });
        return new Activity { Type = ActivityTypes.Message, Text = $"{mention} {text}", Entities = [entity] };
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Contact Save(Contact contact)
    {
        Get<IContactRepository>().Save(contact);
        return contact;
    }
}

public static class TestFlowExtensions
{
    /// <summary>The next reply contains every one of <paramref name="fragments"/>.</summary>
    public static TestFlow Says(this TestFlow flow, params string[] fragments) =>
        flow.AssertReply(activity =>
        {
            var text = ((IMessageActivity)activity).Text;
            foreach (var fragment in fragments) Assert.Contains(fragment, text);
        });
}
