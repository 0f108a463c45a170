using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Periods;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.Support;
using Xunit.Abstractions;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// A contact of a department that only supports tasks (中国证监会新疆监管局: 55, 56, 57) files the notes
/// of the period over real HTTP, with 汇报 alone, and then sees them in 我的任务.
/// </summary>
public sealed class SupportNotesOverHttpTests(ITestOutputHelper output) : ContactOverHttpTest("中国证监会新疆监管局", "zjj")
{
    private static readonly Quarter Q4 = Quarter.Parse("2026Q4");

    [Fact]
    public async Task A_supporting_department_files_every_note_of_the_period_with_report_alone()
    {
        var start = Assert.Single(await SayAsync("汇报"));
        Assert.Contains("配合任务还有 3 项未填配合说明：第 55、56、57 项", start);
        Assert.Contains("【1/3】第 55 项由发改委牵头", start);

        foreach (var (task, next) in new[] { (55, "【2/3】第 56 项"), (56, "【3/3】第 57 项"), (57, "本次汇报结束：提交 3 项") })
        {
            Assert.Contains($"请核对{Department}对第 {task} 项的配合情况", Assert.Single(await SayAsync($"第 {task} 项：配合审核了申报材料")));
            var saved = await SayAsync("确认");
            Assert.Equal(2, saved.Count);
            Assert.Contains($"已保存{Department}对第 {task} 项的配合情况", saved[0]);
            Assert.Contains(next, saved[1]);
        }
        Assert.Equal([55, 56, 57], Host.Services.GetRequiredService<IReportRepository>().NotesForPeriod(Q4).Select(n => n.TaskNumber));

        Assert.Contains("牵头任务都已汇报，配合说明也都已填写", Assert.Single(await SayAsync("汇报")));
        var mine = Assert.Single(await SayAsync("我的任务"));
        output.WriteLine(mine);
        Assert.Contains("配合任务 3 项，本季度配合说明都已填写。", mine);
        Assert.DoesNotContain("牵头任务", mine);
        Assert.Equal(4, mine.Split('\n').Length);
    }

    protected override async Task<List<string>> SayAsync(string text)
    {
        var replies = await base.SayAsync(text);
        foreach (var reply in replies) output.WriteLine($"> {text}\n{reply}\n");
        return replies;
    }
}
