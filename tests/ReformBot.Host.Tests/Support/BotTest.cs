using ReformBot.Core.Periods;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Tests.Support;

/// <summary>
/// A chat test class: every test gets a fresh bot on a database of its own, at the harness's clock
/// (2026-12-20 10:00 in Shanghai, when 2026Q4 is open).
/// </summary>
public abstract class BotTest : IAsyncLifetime
{
    protected static readonly Quarter Q4 = Quarter.Parse("2026Q4");

    private readonly TempDirectory _dir = new();

    protected BotHarness Bot { get; private set; } = null!;

    protected IReportRepository Reports => Bot.Get<IReportRepository>();

    public virtual Task InitializeAsync()
    {
        Bot = BotHarness.Create(_dir.DatabasePath);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        _dir.Dispose();
    }
}
