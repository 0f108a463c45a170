using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

public sealed class LiteReminderLogTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 17, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_reminder_is_claimed_once_even_after_a_restart()
    {
        var key = new ReminderKey(Quarter.Parse("2026Q4"), "contact-1", "opened");
        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var log = new LiteReminderLog(store);
            Assert.True(log.TryClaim(key, At));
            Assert.False(log.TryClaim(key, At.AddMinutes(1)));
            Assert.True(log.TryClaim(key with { Kind = "due-7" }, At));
            log.MarkSent(key with { Kind = "due-7" }, At.AddSeconds(1));
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var after = new LiteReminderLog(reopened);
        Assert.False(after.TryClaim(key, At.AddDays(1)));
        var unfinished = Assert.Single(after.Unfinished());
        Assert.Equal(key, unfinished.Key);
        Assert.Equal(ReminderState.Sending, unfinished.State);
        Assert.Equal(ReminderState.Sent, after.Find(key with { Kind = "due-7" })!.State);
    }

    [Fact]
    public async Task Of_many_concurrent_claims_of_one_reminder_exactly_one_wins_and_none_throws()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var log = new LiteReminderLog(store);
        const int Claimants = 8, Reminders = 50;
        using var start = new Barrier(Claimants);

        // Real threads, released together for each reminder, so that the claims' checks and inserts interleave.
        var claims = Enumerable.Range(0, Claimants).Select(_ => Task.Factory.StartNew(() =>
        {
            var outcomes = new List<string>();
            for (var i = 0; i < Reminders; i++)
            {
                var key = new ReminderKey(Quarter.Parse("2026Q4"), $"contact-{i}", "opened");
                start.SignalAndWait();
                try
                {
                    if (log.TryClaim(key, At)) outcomes.Add(key.ContactId);
                }
                catch (Exception e)
                {
                    outcomes.Add($"{key.ContactId} threw {e.Message}");
                }
            }
            return outcomes;
        }, TaskCreationOptions.LongRunning)).ToList();

        var won = (await Task.WhenAll(claims)).SelectMany(o => o).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Reminders).Select(i => $"contact-{i}").Order(), won);
        Assert.Equal(Reminders, log.Unfinished().Count);
    }

    [Fact]
    public void A_permanent_failure_is_recorded_with_its_reason()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var log = new LiteReminderLog(store);
        var key = new ReminderKey(Quarter.Parse("2026Q4"), "contact-9", "due");
        log.TryClaim(key, At);

        log.MarkFailed(key, At.AddSeconds(2), "403 Forbidden");

        var record = log.Find(key)!;
        Assert.Equal(ReminderState.Failed, record.State);
        Assert.Equal("403 Forbidden", record.Error);
        Assert.Empty(log.Unfinished());
        Assert.Throws<InvalidOperationException>(() => log.MarkSent(key with { ContactId = "never-claimed" }, At));
    }
}
