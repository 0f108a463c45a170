using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Bot.State;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>A host restart in the middle of a report loses nothing: the draft lives in the LiteDB file.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_report_interrupted_by_a_restart_resumes_at_the_same_question_with_its_answers()
    {
        await using (var before = BotHarness.Create(_dir.DatabasePath))
        {
            before.AddContact("user1", "新疆银监局");
            await before.Conversation()
                .Send("汇报 61").Says("第 61 项")
                .Send("滞后").Says("进展情况")
                .Send("完成了调研，\n正在起草方案").Says("存在问题")
                .StartTestAsync();
        }

        await using var after = BotHarness.Create(_dir.DatabasePath);
        await AnswersTheRestAndConfirms(after);
    }

    /// <summary>
    /// A report in progress as the build before this one stored it (a type name on every object, list and
    /// dictionary): an upgrade in the middle of a report goes on at the same question with its answers.
    /// </summary>
    [Fact]
    public async Task A_report_in_progress_stored_by_the_previous_build_goes_on_after_an_upgrade()
    {
        const string key = "test/conversations/conversation-user1";
        const string storedBefore = """
            {"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib","ConversationData":{"$type":"ReformBot.Host.Bot.ConversationData, ReformBot.Host","Report":{"$type":"ReformBot.Host.Bot.Reporting.ReportSession, ReformBot.Host","Owner":"user1","Period":"2026Q4","Items":{"$type":"System.Collections.Generic.List`1[[ReformBot.Host.Bot.Reporting.ReportSessionItem, ReformBot.Host]], System.Private.CoreLib","$values":[{"$type":"ReformBot.Host.Bot.Reporting.ReportSessionItem, ReformBot.Host","TaskNumber":61,"Department":"新疆银监局","Note":false}]},"Index":0,"Submitted":0,"Skipped":0,"Draft":{"$type":"ReformBot.Host.Dialogs.DialogState, ReformBot.Host","DialogId":"report","StepId":"problems","Values":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib","status":"Behind","progress":"完成了调研，\n正在起草方案"},"Context":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib","taskNumber":"61","taskText":"建立与之相适应的监管制度，支持银行业金融机构面向中小企业创新需求的金融产品创新","department":"新疆银监局","period":"2026年第4季度","deadline":"2027年1月10日","planDeadline":"2016年启动，持续推进","lastAnswer":"上季度（2026年第3季度）未汇报。","position":"1","count":"1","supportNotes":""},"Offered":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.String, System.Private.CoreLib]], System.Private.CoreLib"},"History":{"$type":"System.Collections.Generic.List`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib","$values":["status","progress"]},"ReturnTo":null,"Filling":false,"Retry":{"$type":"System.Collections.Generic.List`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib","$values":[]}},"DraftId":"5508c92c07554a26829662a4b6b80bb9","Paused":false,"CancelAsked":false},"KeptDrafts":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[ReformBot.Host.Bot.Reporting.KeptDraft, ReformBot.Host]], System.Private.CoreLib"},"LastSaved":null,"PendingImport":null}}
            """;
        await using var bot = BotHarness.Create(_dir.DatabasePath);
        bot.AddContact("user1", "新疆银监局");
        bot.Get<LiteDbStore>().BotState.Insert(new BotStateDocument { Id = LiteDbBotStorage.IdOf(key), Key = key, Json = storedBefore });

        var saved = await AnswersTheRestAndConfirms(bot);
        // The draft's identity came through too: the revision records it.
        Assert.Equal("5508c92c07554a26829662a4b6b80bb9", saved.DraftId);
    }

    /// <summary>Goes on from the question after 进展情况 of a draft of task 61 (滞后, two lines of progress) to its saved revision.</summary>
    private static async Task<ReportRevision> AnswersTheRestAndConfirms(BotHarness bot)
    {
        await bot.Conversation()
            .Send("资金未到位").Says("下一步工作思路")
            .Send("争取资金").Says("百分比")
            .Send("无").Says("链接")
            .Send("无").Says("状态：滞后", "进展情况：完成了调研，\n正在起草方案", "存在问题：资金未到位")
            .Send("确认").Says("已保存第 61 项的汇报（滞后，第 1 版）")
            .StartTestAsync();

        var saved = bot.Get<IReportRepository>().History(new ReportKey(61, "新疆银监局", Quarter.Parse("2026Q4"))).Single();
        Assert.Equal("完成了调研，\n正在起草方案", saved.Content.Progress);
        Assert.Equal("资金未到位", saved.Content.Problems);
        return saved;
    }

    [Fact]
    public async Task A_confirmed_report_is_in_the_files_and_forced_to_disk_before_the_bot_says_it_is_saved()
    {
        await using var bot = BotHarness.Create(_dir.DatabasePath);
        bot.AddContact("user1", "新疆银监局");
        await bot.Conversation()
            .Send("汇报 61").Says("第 61 项")
            .Send("1").Says("进展").Send("完成").Says("问题").Send("无").Says("下一步").Send("巩固").Says("百分比")
            .Send("100").Says("链接").Send("无").Says("请核对")
            .StartTestAsync();
        var store = bot.Get<LiteDbStore>();
        var flushes = store.FlushesStarted;

        await bot.Conversation()
            .Send("确认").AssertReply(_ =>
            {
                Assert.True(store.FlushesStarted > flushes, "the revision was forced to disk before the reply");
                // The files as a process killed now would leave them, read by a second, independent store.
                var copy = _dir.File("copy.db");
                File.Copy(_dir.DatabasePath, copy);
                File.Copy(LiteDbStore.LogPath(_dir.DatabasePath), LiteDbStore.LogPath(copy));
                using var copied = new LiteDbStore(copy);
                Assert.Single(new LiteReportRepository(copied).ForPeriod(Quarter.Parse("2026Q4")));
            })
            .StartTestAsync();
    }
}
