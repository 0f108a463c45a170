using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.Support;
using Xunit.Abstractions;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// A quarter in minutes: a scripted contact of 科技厅 files every pending lead task of 2026Q4 over real
/// HTTP with the one-message path, then a second quarter reusing the first. The figures are in the README.
/// </summary>
public sealed class QuarterOverHttpTests(ITestOutputHelper output) : ContactOverHttpTest("科技厅", "kjt")
{
    private const int MaxBotCharactersOnConfirmPath = 40;
    private static readonly Quarter Q4 = Quarter.Parse("2026Q4");

    [Fact]
    public async Task All_39_pending_lead_tasks_take_two_messages_each_and_a_second_quarter_reusing_the_first_two_as_well()
    {
        var pending = Pending(Q4);
        Assert.Equal(39, pending.Count);

        var first = await FileQuarterAsync(pending, n => $"汇报 {n}\n状态：按计划推进\n进展：第 {n} 项本季度完成调研，起草了实施办法\n问题：无\n下一步：报审实施办法\n进度：50");
        Assert.Equal(39, Host.Services.GetRequiredService<IReportRepository>().ForPeriod(Q4).Count);

        // The next quarter, with nothing new to say: last quarter's report, taken whole.
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.FromHours(8)));
        var q1 = Q4.Next();
        var second = await FileQuarterAsync(Pending(q1), n => $"汇报 {n}\n沿用上季度", expectCopied: true);
        var stored = Host.Services.GetRequiredService<IReportRepository>().ForPeriod(q1);
        Assert.Equal(39, stored.Count);
        Assert.All(stored, r => Assert.StartsWith($"第 {r.Key.TaskNumber} 项本季度完成调研", r.Content.Progress));

        output.WriteLine($"new text: {first.Messages} messages for {first.Tasks} tasks ({(double)first.Messages / first.Tasks:0.#} a task), at most {first.MaxBotCharacters} bot characters a turn besides the summary");
        output.WriteLine($"reusing last quarter: {second.Messages} messages for {second.Tasks} tasks ({(double)second.Messages / second.Tasks:0.#} a task), at most {second.MaxBotCharacters} bot characters a turn besides the summary");
        Assert.True(first.Messages <= 3 * first.Tasks);
        Assert.True(second.Messages <= 2 * second.Tasks);
        Assert.InRange(first.MaxBotCharacters, 1, MaxBotCharactersOnConfirmPath);
        Assert.InRange(second.MaxBotCharacters, 1, MaxBotCharactersOnConfirmPath);
    }

    private List<int> Pending(Quarter period) =>
        PendingReports.For([Department], Host.Services.GetRequiredService<IPlanRepository>().Tasks(),
            Host.Services.GetRequiredService<IReportRepository>().ForPeriod(period)).Select(p => p.TaskNumber).ToList();

    private async Task<(int Tasks, int Messages, int MaxBotCharacters)> FileQuarterAsync(IReadOnlyList<int> tasks, Func<int, string> answer, bool expectCopied = false)
    {
        var messages = 0;
        var maxCharacters = 0;
        foreach (var task in tasks)
        {
            var summary = await SayAsync(answer(task));
            messages++;
            var text = Assert.Single(summary);
            Assert.Contains($"请核对第 {task} 项", text);
            if (expectCopied) Assert.Contains("照抄", text);
            // Everything but the summary's own lines (· 状态：…) counts.
            maxCharacters = Math.Max(maxCharacters, text.Split('\n').Where(l => !l.StartsWith("· ", StringComparison.Ordinal)).Sum(l => l.Length));

            var saved = await SayAsync("确认");
            messages++;
            Assert.Contains($"已保存第 {task} 项", Assert.Single(saved));
            maxCharacters = Math.Max(maxCharacters, saved.Sum(t => t.Length));
        }
        return (tasks.Count, messages, maxCharacters);
    }
}
