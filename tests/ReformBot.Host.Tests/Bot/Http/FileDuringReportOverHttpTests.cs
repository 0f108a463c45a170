using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Periods;
using ReformBot.Core.Storage;
using Xunit.Abstractions;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// A contact of 科技厅 in the middle of filing a report sends a file (a photo of a meeting, the plan) over real HTTP:
/// it is not read, the draft stays as it was, and the question waiting is asked again.
/// </summary>
public sealed class FileDuringReportOverHttpTests(ITestOutputHelper output) : ContactOverHttpTest("科技厅", "kjt-file")
{
    [Fact]
    public async Task A_file_in_the_middle_of_a_report_is_refused_and_the_question_asked_again()
    {
        Assert.Contains("第 1 项", string.Join("\n", await SayAsync("汇报 1")));

        var atStatus = await SendFileAsync("", "会议照片.jpg");
        Assert.Equal(2, atStatus.Count);
        Assert.Contains("文件不能作为汇报的回答：这条消息没有被采用，草稿未作改动", atStatus[0]);
        Assert.Contains("佐证材料请以链接形式填写", atStatus[0]);
        Assert.Contains("状态", atStatus[1]);

        Assert.Contains("进展情况", string.Join("\n", await SayAsync("2")));
        // Text typed with a file is not taken either: the file would be lost without a word.
        var atProgress = await SendFileAsync("召开企业座谈会 3 次", "计划.docx");
        Assert.Equal(2, atProgress.Count);
        Assert.Contains("导入计划仅限协调办公室", atProgress[0]);
        Assert.Contains("文字请不带文件重新发送", atProgress[0]);
        Assert.Contains("进展情况", atProgress[1]);

        Assert.Contains("存在问题", string.Join("\n", await SayAsync("组织企业座谈")));
        Assert.Contains("下一步工作思路", string.Join("\n", await SayAsync("无")));
        Assert.Contains("百分比", string.Join("\n", await SayAsync("形成实施办法")));
        Assert.Contains("链接", string.Join("\n", await SayAsync("60")));
        var summary = string.Join("\n", await SayAsync("无"));
        Assert.Contains("进展情况：组织企业座谈", summary);
        Assert.DoesNotContain("召开企业座谈会", summary);
        Assert.Contains("已保存第 1 项", string.Join("\n", await SayAsync("确认")));
        Assert.Single(Host.Services.GetRequiredService<IReportRepository>().ForPeriod(Quarter.Parse("2026Q4")), r => r.Key.TaskNumber == 1);
    }

    [Fact]
    public async Task A_file_sent_alone_outside_a_report_says_who_imports_and_how_evidence_goes()
    {
        var replies = await SendFileAsync("", "佐证材料.pdf");
        Assert.Contains("导入计划仅限协调办公室，文件没有被读取", Assert.Single(replies));
        Assert.Contains("以链接形式填写", replies[0]);
    }

    /// <summary>A message with a file whose address is a closed port: were it read, the answer would say it failed.</summary>
    private async Task<List<string>> SendFileAsync(string text, string name)
    {
        var message = BotHttp.Message("kjt-file", text, userId: "user-1");
        message["attachments"] = new[] { new { contentType = "application/octet-stream", contentUrl = "http://127.0.0.1:9/" + Uri.EscapeDataString(name), name } };
        using var response = await Host.Http.PostAsync(message);
        var replies = await response.ReplyTextsAsync();
        foreach (var reply in replies) output.WriteLine($"> [{name}] {text}\n{reply}\n");
        return replies;
    }

    protected override async Task<List<string>> SayAsync(string text)
    {
        var replies = await base.SayAsync(text);
        foreach (var reply in replies) output.WriteLine($"> {text}\n{reply}\n");
        return replies;
    }
}
