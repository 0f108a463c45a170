using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Bot.State;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>
/// Nothing is saved twice: a crash after the revision is stored but before the conversation state
/// moves on leaves the draft waiting for 确认; confirming it again stores no second revision.
/// </summary>
public sealed class SubmitOnceTests : IDisposable
{
    private static readonly ReportKey Key = new(61, "新疆银监局", Quarter.Parse("2026Q4"));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_crash_between_storing_the_revision_and_saving_the_conversation_does_not_make_a_duplicate()
    {
        await using (var before = BotHarness.Create(_dir.DatabasePath, configure: CrashingStateWrites))
        {
            before.AddContact("user1", "新疆银监局");
            await before.Conversation()
                .Send("汇报 61").Says("第 61 项").Send("滞后").Says("进展情况").Send("调研完成").Says("存在问题")
                .Send("资金未到位").Says("下一步").Send("争取资金").Says("百分比").Send("40").Says("链接").Send("无").Says("请核对")
                .StartTestAsync();

            // The host dies after the revision is on disk and 已保存 went out, before the state is written.
            before.Get<CrashingStorage>().Crash = true;
            await Assert.ThrowsAsync<IOException>(() => before.Conversation().Send("确认").Says("已保存第 61 项的汇报（滞后，第 1 版）").StartTestAsync());
        }
        using (var store = new ReformBot.Host.Storage.LiteDbStore(_dir.DatabasePath))
            Assert.Single(new ReformBot.Host.Storage.LiteReportRepository(store).History(Key));

        await using var after = BotHarness.Create(_dir.DatabasePath);
        await after.Conversation()
            .Send("确认").Says("已经保存过（第 1 版）", "没有重复保存")
            .Send("汇报").Says("【1/4】第 59 项")
            .StartTestAsync();

        var saved = Assert.Single(after.Get<IReportRepository>().History(Key));
        Assert.Equal("调研完成", saved.Content.Progress);
        Assert.NotNull(saved.DraftId);
    }

    [Fact]
    public async Task A_crash_after_storing_a_supporting_note_does_not_make_a_duplicate_note()
    {
        const string supporting = "中国人民银行乌鲁木齐中心支行";
        await using (var before = BotHarness.Create(_dir.DatabasePath, configure: CrashingStateWrites))
        {
            before.AddContact("user1", supporting);
            await before.Conversation().Send("汇报 61").Says("配合工作情况").Send("配合开展窗口指导").Says("请核对").StartTestAsync();

            before.Get<CrashingStorage>().Crash = true;
            await Assert.ThrowsAsync<IOException>(() => before.Conversation().Send("确认").Says("已保存中国人民银行乌鲁木齐中心支行对第 61 项的配合情况").StartTestAsync());
        }

        await using var after = BotHarness.Create(_dir.DatabasePath);
        await after.Conversation().Send("确认").Says("这份配合说明已经保存过，没有重复保存").StartTestAsync();

        var note = Assert.Single(after.Get<IReportRepository>().NotesForTask(61));
        Assert.Equal(("配合开展窗口指导", supporting), (note.Text, note.Department));
        Assert.NotNull(note.DraftId);
    }

    [Fact]
    public async Task A_confirm_sent_again_after_its_answer_was_lost_is_told_the_report_is_saved()
    {
        // The state moved on (the draft is gone) but 已保存 never reached the contact, who sends 确认 again:
        // they are told it is saved, not "没有理解", so they do not file the task a second time.
        await using var bot = BotHarness.Create(_dir.DatabasePath);
        bot.AddContact("user1", "新疆银监局");
        await bot.Conversation()
            .Send("汇报 61\n状态：滞后\n进展：调研完成\n问题：资金未到位\n下一步：争取资金\n进度：40\n佐证：无").Says("请核对")
            .Send("确认").Says("已保存第 61 项的汇报（滞后，第 1 版）")
            .StartTestAsync();

        await bot.Conversation().Send("确认").Says("已经保存过（第 1 版）", "没有重复保存").StartTestAsync();
        await bot.Conversation("user2").Send("确认").Says("没有理解").StartTestAsync();

        Assert.Single(bot.Get<IReportRepository>().History(Key));
    }

    [Fact]
    public void The_store_keeps_one_revision_per_draft_even_when_asked_twice()
    {
        using var store = new ReformBot.Host.Storage.LiteDbStore(TemplateDatabase.CopyTo(_dir.DatabasePath));
        var reports = new ReformBot.Host.Storage.LiteReportRepository(store);
        var content = new ReportContent(ReportStatus.OnTrack, "进展", "无", "继续", null, []);
        var at = new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero);

        var first = reports.Append(Key, content, "c1", at, late: false, draftId: "d1");
        var repeated = reports.Append(Key, content, "c1", at, late: false, draftId: "d1");
        var again = reports.Append(Key, content with { Progress = "改过" }, "c1", at.AddMinutes(1), late: false, draftId: "d1");

        // The caller tells a new revision from one stored before by its content: the one it gave, or the stored one.
        Assert.Same(content, first.Content);
        Assert.NotSame(content, repeated.Content);
        Assert.Equal(first.Revision, repeated.Revision);
        var other = reports.Append(Key, content, "c1", at.AddMinutes(2), late: false, draftId: "d2");

        Assert.Equal((1, "进展", "d1"), (again.Revision, again.Content.Progress, again.DraftId));
        Assert.Equal([(1, "d1"), (2, "d2")], reports.History(Key).Select(r => (r.Revision, r.DraftId)));
        Assert.Equal(other.Revision, reports.FindByDraft("d2")?.Revision);
        Assert.Null(reports.FindByDraft("d3"));
    }

    private static void CrashingStateWrites(IServiceCollection services)
    {
        services.AddSingleton<CrashingStorage>(sp => new(ActivatorUtilities.CreateInstance<LiteDbBotStorage>(sp)));
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<CrashingStorage>());
    }

    /// <summary>The bot's state storage, which fails every write once <see cref="Crash"/> is set, as a dying host would.</summary>
    private sealed class CrashingStorage(IStorage inner) : IStorage
    {
        public volatile bool Crash;

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            Crash ? throw new IOException("The host died before the conversation state was written.") : inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Crash ? throw new IOException("The host died.") : inner.DeleteAsync(keys, cancellationToken);
    }
}
