using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Ledger;

/// <summary>A bot on its own database with the digest scenario's reports and one 科技厅 contact, for ledger tests.</summary>
public abstract class LedgerTest : IAsyncLifetime
{
    protected TempDirectory Dir { get; } = new();

    protected BotHarness Bot { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Bot = BotHarness.Create(Dir.DatabasePath, DigestScenario.Now);
        DigestScenario.Append(Bot.Get<IReportRepository>());
        Bot.Get<IContactRepository>().Save(new Contact("c-kjt", "王伟", ["科技厅"], IsOffice: false,
            new ConversationAddress("test", "https://test.com", "conversation-kjt", "kjt", null, "bot"), DigestScenario.Now));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        Dir.Dispose();
    }
}
