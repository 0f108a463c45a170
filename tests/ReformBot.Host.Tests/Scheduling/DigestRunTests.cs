using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReformBot.Core.Contacts;
using ReformBot.Core.Reminders;
using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Proactive;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Scheduling;

/// <summary>The weekly digest carries its chart: through the real scheduler to a local channel, and with a channel that refuses it.</summary>
public sealed class DigestRunTests : IDisposable
{
    private static readonly DateTime Monday = new(2026, 12, 21, 9, 30, 0);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_weekly_digest_reaches_the_channel_as_markdown_then_an_inline_png()
    {
        await using var scheduler = await SchedulerHarness.StartAsync(_dir.DatabasePath, DigestScenario.Now);
        DigestScenario.Append(scheduler.Get<IReportRepository>());
        var office = scheduler.AddContact("office", office: true);
        scheduler.Get<IContactRepository>().Save(office with { DigestSubscribed = true });

        await scheduler.RunAtAsync(DigestJob.Key, Monday);

        var received = scheduler.Channel.Activities.Where(a => a.ConversationId == "conversation-office").ToList();
        var last = received[^1].Activity;
        var attachment = last.GetProperty("attachments")[0];
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        Assert.Equal("周报图表-2026Q4.png", attachment.GetProperty("name").GetString());
        using var png = new Attachment("image/png", attachment.GetProperty("contentUrl").GetString()).InlinePng();
        Assert.Equal(800, png.Width);
        Assert.Contains(received, a => a.Text?.StartsWith("**2026年第4季度进展周报**（截至 2026年12月21日）") == true);
        Assert.Equal("markdown", received[^2].Activity.GetProperty("textFormat").GetString());
    }

    [Fact]
    public async Task A_chart_the_channel_refuses_is_logged_and_the_digest_still_counts_as_sent()
    {
        var logs = new LogCapture();
        await using var bot = BotHarness.Create(_dir.DatabasePath, new DateTimeOffset(Monday, TimeSpan.FromHours(8)), s => s.AddLogging(b => b.AddProvider(logs)));
        DigestScenario.Append(bot.Get<IReportRepository>());
        var office = bot.AddOfficeMember("office");
        bot.Get<IContactRepository>().Save(office with { DigestSubscribed = true });
        var sender = new RecordingSender(refuseCharts: true);
        var run = DigestRunOver(bot, sender);

        var sent = await run.RunAsync(bot.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.True(sender.Sent[^1].IsChart());
        Assert.All(sender.Sent.SkipLast(1), a => Assert.False(a.IsChart()));
        Assert.Equal(ReminderState.Sent, Assert.Single(bot.Get<IReminderLog>().ForPeriod(DigestScenario.Q4)).State);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("did not reach contact contact-office"));
        Assert.Equal(0, await run.RunAsync(bot.Time.GetUtcNow(), CancellationToken.None)); // once per slot
    }

    [Fact]
    public async Task A_refused_text_fails_the_digest_for_that_subscriber()
    {
        await using var bot = BotHarness.Create(_dir.DatabasePath, new DateTimeOffset(Monday, TimeSpan.FromHours(8)));
        var office = bot.AddOfficeMember("office");
        bot.Get<IContactRepository>().Save(office with { DigestSubscribed = true });
        var sender = new RecordingSender(refuseCharts: false, refuseText: true);

        var sent = await DigestRunOver(bot, sender).RunAsync(bot.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Single(sender.Sent);
        // Nothing of it went out, so its claim is given back, as a reminder's is.
        Assert.Empty(bot.Get<IReminderLog>().ForPeriod(DigestScenario.Q4));
    }

    [Fact]
    public async Task A_digest_refused_after_part_of_it_went_out_is_not_sent_again()
    {
        await using var bot = BotHarness.Create(_dir.DatabasePath, new DateTimeOffset(Monday, TimeSpan.FromHours(8)));
        DigestScenario.Append(bot.Get<IReportRepository>());
        // A contact of two departments gets two parts: the second is refused after the first went out.
        var contact = bot.AddContact("contact", "科技厅", "财政厅");
        bot.Get<IContactRepository>().Save(contact with { DigestSubscribed = true });
        var sender = new RecordingSender(refuseCharts: false, refuseTextAfter: 1);

        var sent = await DigestRunOver(bot, sender).RunAsync(bot.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Equal(2, sender.Sent.Count(m => !m.IsChart()));
        var record = Assert.Single(bot.Get<IReminderLog>().ForPeriod(DigestScenario.Q4));
        Assert.Equal(ReminderState.Failed, record.State);
    }

    [Fact]
    public async Task The_weekly_digest_is_the_first_screen_with_buttons_for_the_detail_and_for_chasing()
    {
        await using var bot = BotHarness.Create(_dir.DatabasePath, new DateTimeOffset(Monday, TimeSpan.FromHours(8)));
        DigestScenario.Append(bot.Get<IReportRepository>());
        var office = bot.AddOfficeMember("office");
        bot.Get<IContactRepository>().Save(office with { DigestSubscribed = true });
        var contact = bot.AddContact("contact", "科技厅");
        bot.Get<IContactRepository>().Save(contact with { DigestSubscribed = true });
        var sender = new RecordingSender(refuseCharts: false);

        Assert.Equal(2, await DigestRunOver(bot, sender).RunAsync(bot.Time.GetUtcNow(), CancellationToken.None));

        var texts = sender.Sent.Where(m => !m.IsChart()).ToList();
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.True(t.Text.Split('\n').Length <= 15, t.Text));
        var officeButtons = texts.Single(t => t.SuggestedActions.Actions.Count > 1).SuggestedActions.Actions.Select(a => (string)a.Value).ToList();
        Assert.Equal("周报 详细", officeButtons[0]);
        Assert.All(officeButtons.Skip(1), b => Assert.StartsWith("催办 ", b));
        Assert.Contains(texts, t => t.SuggestedActions.Actions.Select(a => (string)a.Value).SequenceEqual(["周报 详细 科技厅"]));
    }

    private static DigestRun DigestRunOver(BotHarness bot, IProactiveSender sender) =>
        ActivatorUtilities.CreateInstance<DigestRun>(bot.Services, ActivatorUtilities.CreateInstance<SendOnce>(bot.Services, sender));

    /// <param name="refuseTextAfter">Text messages accepted before the channel refuses text.</param>
    private sealed class RecordingSender(bool refuseCharts, bool refuseText = false, int? refuseTextAfter = null) : IProactiveSender
    {
        private readonly ConcurrentQueue<IMessageActivity> _sent = new();

        public IReadOnlyList<IMessageActivity> Sent => _sent.ToArray();

        public Task<Delivery> SendAsync(ConversationAddress address, IMessageActivity message, CancellationToken cancellationToken)
        {
            _sent.Enqueue(message);
            var refused = message.IsChart() ? refuseCharts : refuseText || _sent.Count(m => !m.IsChart()) > refuseTextAfter;
            return Task.FromResult(refused
                ? new Delivery(DeliveryResult.Failed, 413, "HTTP 413 Request Entity Too Large", 1)
                : new Delivery(DeliveryResult.Delivered, 200, null, 1, "id"));
        }
    }
}
