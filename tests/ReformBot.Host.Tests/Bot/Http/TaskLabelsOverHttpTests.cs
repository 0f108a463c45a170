using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Periods;
using ReformBot.Core.Storage;
using ReformBot.Host.Ledger;
using ReformBot.Host.Tests.Support;
using Xunit.Abstractions;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// A plan numbered 1.1, 1.2, 2.1… under category rows, imported with the command-line tool into a new database; a
/// 科技厅 contact then refers to its tasks over real HTTP by the numbers the table writes (汇报 3.2), and reads them so.
/// </summary>
public sealed class TaskLabelsOverHttpTests(ITestOutputHelper output) : ContactOverHttpTest("科技厅", "labels")
{
    private const string Plan = """
        2026年科技创新工作要点任务分工
        序号	重点任务	责任单位	完成时限
        一、推动芯片全链发展
        1.1	制定支持芯片产业发展的若干措施	发改委	2026年6月底前
        1.2	建设集成电路公共服务平台	科技厅	持续推进
        二、优化创新生态
        2.1	推进科研经费包干制试点	财政厅	2026年第三季度
        三、加强人才支撑
        3.1	开展科技人才评价改革	人社厅	每年
        3.2	建立科技成果转化年度报告制度	科技厅、财政厅	持续推进
        """;

    protected override void PrepareDatabase(string databasePath)
    {
        // The office's own plan in a database of its own: nothing of the shipped plan.
        File.Delete(databasePath);
        var planFile = Files.File("要点.txt");
        File.WriteAllText(planFile, Plan);
        var run = CliRun.Of("import", planFile, "--db", databasePath);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task A_contact_reports_task_3_2_by_its_number_and_reads_it_back_everywhere()
    {
        var plans = Host.Services.GetRequiredService<IPlanRepository>();
        Assert.Equal(["1.1", "1.2", "2.1", "3.1", "3.2"], plans.Tasks().Select(t => t.Label));

        var asked = Assert.Single(await SayAsync("汇报 3.2\n状态：滞后\n进展：已起草制度初稿\n问题：缺少统计口径\n下一步：12月底前征求意见"));
        Assert.Contains("请核对第 3.2 项", asked);
        var saved = await SayAsync("确认");
        Assert.Contains("已保存第 3.2 项的汇报（滞后，第 1 版）", saved[0]);
        var stored = Assert.Single(Host.Services.GetRequiredService<IReportRepository>().ForPeriod(Quarter.Parse("2026Q4")));
        Assert.Equal((5, "科技厅"), (stored.Key.TaskNumber, stored.Key.Department));

        var task = Assert.Single(await SayAsync("任务 ３．２"));
        Assert.StartsWith("第 3.2 项：建立科技成果转化年度报告制度\n所属部分：三、加强人才支撑", task);
        Assert.Contains("滞后", task);

        var mine = Assert.Single(await SayAsync("我的任务"));
        Assert.Contains("· 第 1.2 项 [未汇报] 建设集成电路公共服务平台", mine);
        Assert.Contains("· 第 3.2 项 [滞后]", mine);

        var digest = string.Join("\n", await SayAsync("周报 详细"));
        Assert.Contains("第 3.2 项（科技厅）：缺少统计口径", digest);
        Assert.Contains("第 1.2 项", digest);

        Assert.Contains("没有第 3.3 项任务", Assert.Single(await SayAsync("任务 3.3")));
        Assert.Contains("没有第 5 项任务", Assert.Single(await SayAsync("汇报 5")));
        Assert.Contains("您是不是要“汇报 3.2”", Assert.Single(await SayAsync("汇报 第3.2项")));

        // In the middle of a report, 任务 3.2 is a command, answered before the question is asked again.
        Assert.Contains("第 1.2 项", Assert.Single(await SayAsync("汇报 1.2")));
        var aside = await SayAsync("任务 3.2");
        Assert.Equal(2, aside.Count);
        Assert.StartsWith("第 3.2 项：", aside[0]);

        var ledgers = Host.Services.GetRequiredService<LedgerService>();
        var ledger = Xlsx.From(ledgers.ToBytes(ledgers.Build(Quarter.Parse("2026Q4"), null)), Files);
        Assert.Equal(["1.1", "1.2", "2.1", "3.1", "3.2"], ledger.Table("任务").Select(r => r["任务号"]));
    }

    protected override async Task<List<string>> SayAsync(string text)
    {
        var replies = await base.SayAsync(text);
        foreach (var reply in replies) output.WriteLine($"> {text}\n{reply}\n");
        return replies;
    }
}
