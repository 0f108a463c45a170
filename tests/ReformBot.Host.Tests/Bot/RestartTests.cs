using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
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
        await after.Conversation()
            .Send("资金未到位").Says("下一步工作思路")
            .Send("争取资金").Says("百分比")
            .Send("无").Says("链接")
            .Send("无").Says("状态：滞后", "进展情况：完成了调研，\n正在起草方案", "存在问题：资金未到位")
            .Send("确认").Says("已保存第 61 项的汇报（滞后，第 1 版）")
            .StartTestAsync();

        var saved = after.Get<IReportRepository>().History(new ReportKey(61, "新疆银监局", Quarter.Parse("2026Q4"))).Single();
        Assert.Equal("完成了调研，\n正在起草方案", saved.Content.Progress);
        Assert.Equal("资金未到位", saved.Content.Problems);
    }

    [Fact]
    public async Task A_confirmed_report_is_in_the_file_before_the_bot_says_it_is_saved()
    {
        await using (var bot = BotHarness.Create(_dir.DatabasePath))
        {
            bot.AddContact("user1", "新疆银监局");
            await bot.Conversation()
                .Send("汇报 61").Says("第 61 项")
                .Send("1").Says("进展").Send("完成").Says("问题").Send("无").Says("下一步").Send("巩固").Says("百分比")
                .Send("100").Says("链接").Send("无").Says("请核对")
                .Send("确认").AssertReply(_ =>
                {
                    // Read the file with a second, independent store while the bot is still running:
                    // the reply is only sent after the revision was checkpointed into the data file.
                    var copy = _dir.File("copy.db");
                    File.Copy(_dir.DatabasePath, copy);
                    using var store = new ReformBot.Host.Storage.LiteDbStore(copy);
                    Assert.Single(new ReformBot.Host.Storage.LiteReportRepository(store).ForPeriod(Quarter.Parse("2026Q4")));
                })
                .StartTestAsync();
        }
    }
}
