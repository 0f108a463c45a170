using ReformBot.Core.Storage;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Scheduling;

/// <summary>The weekly digest through Quartz on a fake clock, across host restarts.</summary>
public sealed class DigestScheduleTests : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_digest_missed_while_the_host_was_down_is_sent_exactly_once_when_it_comes_back()
    {
        await using var channel = await FakeChannel.StartAsync();
        int MessagesToOffice() => channel.Activities.Count(a => a.ConversationId == "conversation-office" && a.Text?.Contains("进展周报") == true);

        // Week 1: running on Monday 2027-01-04 at 09:30 sends the digest.
        await using (var first = await SchedulerHarness.StartAsync(_dir.DatabasePath, new DateTimeOffset(2027, 1, 4, 8, 0, 0, Shanghai), channel: channel))
        {
            await first.WaitForRunAsync(DigestJob.Key); // the catch-up at start: nobody subscribed yet
            first.AddContact("office", office: true);
            first.Get<IContactRepository>().Update("office", c => c with { DigestSubscribed = true });
            await first.RunAtAsync(DigestJob.Key, new DateTime(2027, 1, 4, 9, 30, 0));
            Assert.Equal(1, MessagesToOffice());
        }

        // Down from Sunday to Monday 2027-01-11 11:00: the 09:30 digest was missed, and goes out once at start.
        await using (var second = await SchedulerHarness.StartAsync(_dir.DatabasePath, new DateTimeOffset(2027, 1, 11, 11, 0, 0, Shanghai), channel: channel))
        {
            await second.WaitUntilAsync(() => MessagesToOffice() == 2);
        }

        // Another restart the same day sends nothing more.
        await using var third = await SchedulerHarness.StartAsync(_dir.DatabasePath, new DateTimeOffset(2027, 1, 11, 15, 0, 0, Shanghai), channel: channel);
        await third.WaitForRunAsync(DigestJob.Key);
        Assert.Equal(2, MessagesToOffice());
        var digests = third.Get<IReminderLog>().ForPeriod(Core.Periods.Quarter.Parse("2026Q4")).Where(r => r.Key.Kind.StartsWith("digest-")).Select(r => r.Key.Kind).Order();
        Assert.Equal(["digest-202701040930", "digest-202701110930"], digests);
    }
}
