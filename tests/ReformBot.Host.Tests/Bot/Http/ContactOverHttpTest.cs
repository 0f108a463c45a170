using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// A running host on a seeded database, on a fake clock at <see cref="DigestScenario.Now"/>, with one
/// registered contact of <paramref name="department"/> who talks to the bot over real HTTP.
/// </summary>
public abstract class ContactOverHttpTest(string department, string conversation) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    protected FakeTimeProvider Time { get; } = new(DigestScenario.Now);

    protected RunningHost Host { get; private set; } = null!;

    protected string Department => department;

    public async Task InitializeAsync()
    {
        var database = TemplateDatabase.CopyTo(_dir.DatabasePath);
        PrepareDatabase(database);
        Host = await RunningHost.StartAsync(database, b => b.Services.AddSingleton<TimeProvider>(Time));
        Host.Services.GetRequiredService<IContactRepository>().Save(new Contact("contact-" + conversation, department + "联络员", [department], IsOffice: false,
            new ConversationAddress(BotHttp.ChannelId, BotHttp.UnusedServiceUrl, conversation, "user-1", null, "reformbot"), Time.GetUtcNow()));
    }

    /// <summary>Changes the seeded database before the host opens it (another plan imported), as the office would.</summary>
    protected virtual void PrepareDatabase(string databasePath) { }

    /// <summary>The folder of the database, for files of the test (a plan to import), removed with it.</summary>
    protected TempDirectory Files => _dir;

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>Sends <paramref name="text"/> as the contact and returns the bot's replies.</summary>
    protected virtual async Task<List<string>> SayAsync(string text)
    {
        using var response = await Host.Http.PostAsync(BotHttp.Message(conversation, text, userId: "user-1"));
        return await response.ReplyTextsAsync();
    }
}
