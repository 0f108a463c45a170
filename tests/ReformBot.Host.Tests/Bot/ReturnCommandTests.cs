using Microsoft.Bot.Schema;
using ReformBot.Core.Contacts;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Messages;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Tests.Proactive;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>退回 (office): a report sent back is pending again, its contacts hear why, every revision stays.</summary>
public sealed class ReturnCommandTests : ChannelBotTest
{
    private static readonly ReportKey Bank59 = new(59, "新疆银监局", Q4);
    [Fact]
    public async Task A_returned_report_is_pending_again_until_reported_and_every_revision_and_return_is_kept()
    {
        SaveContact("office", "办公室", isOffice: true);
        SaveContact("bank", "王伟", isOffice: false, "新疆银监局");
        Reports.Append(Bank59, new ReportContent(ReportStatus.OnTrack, "推进中", "无", "继续", null, []), "contact-bank", Bot.Time.GetUtcNow(), late: false);
        Assert.DoesNotContain(59, Bot.Get<ReminderRun>().Pending(Q4)["新疆银监局"]);

        await Bot.Conversation("office")
            .Send("退回 59 银监局 请补充具体数据").Says("已退回第 59 项（新疆银监局）第 1 版", "下次提交为第 2 版", "正在通知新疆银监局的 1 位联络员：王伟")
            .StartTestAsync();

        // The contact is told why, proactively; the office gets a summary.
        var notice = await Next("conversation-bank");
        Assert.Contains("【退回】", notice);
        Assert.Contains("理由：请补充具体数据", notice);
        Assert.Contains("汇报 59", notice);
        Assert.Contains("退回第 59 项（新疆银监局）的通知完成：已送达 1 位（王伟）", await Next("conversation-office"));

        // Pending again: for reminders, for the contact's 汇报, in the digest, its JSON, and 任务 59.
        Assert.Contains(59, Bot.Get<ReminderRun>().Pending(Q4)["新疆银监局"]);
        var digest = Bot.Get<DigestService>().Compute();
        var row = digest.Tasks.Single(r => r.TaskNumber == 59);
        Assert.Equal(("请补充具体数据", false), (row.Returned?.Reason, row.Submitted));
        var json = DigestJson.From(digest, Bot.Get<TextFormat>()).Tasks.Single(t => t.Task == 59);
        Assert.Equal((null, 1, "请补充具体数据"), (json.Status, json.Revision, json.Returned?.Reason));
        Assert.Contains(Bot.Get<DigestMarkdown>().Render(digest), m => m.Contains("第 59 项（新疆银监局）已退回：请补充具体数据"));
        await Bot.Conversation("office").Send("任务 59").Says("第 1 版", "已退回", "请补充具体数据").StartTestAsync();
        await Bot.Conversation("bank").Send("汇报").AssertReply(a => Assert.Contains("59", ((IMessageActivity)a).Text)).StartTestAsync();

        // Returning it again before it is reported again changes nothing.
        await Bot.Conversation("office").Send("退回 59 新疆银监局 再说一次").Says("第 1 版已于", "正等待重新汇报").StartTestAsync();
        Assert.Single(Reports.ReturnsForPeriod(Q4));

        // The next report is a new revision, and the return no longer applies; both revisions stay.
        Reports.Append(Bank59, new ReportContent(ReportStatus.Behind, "补充了数据", "资金未到位", "协调", 40, []), "contact-bank", Bot.Time.GetUtcNow(), late: false);
        Assert.Equal([1, 2], Reports.History(Bank59).Select(r => r.Revision));
        Assert.DoesNotContain(59, Bot.Get<ReminderRun>().Pending(Q4)["新疆银监局"]);
        Assert.Null(Bot.Get<DigestService>().Compute().Tasks.Single(r => r.TaskNumber == 59).Returned);
        Assert.Single(Reports.ReturnsForTask(59));
    }

    [Fact]
    public async Task Bad_input_gets_a_specific_answer_and_changes_nothing()
    {
        SaveContact("office", "办公室", isOffice: true);
        SaveContact("bank", "王伟", isOffice: false, "新疆银监局");

        await Bot.Conversation("office")
            .Send("退回").Says("用法：退回 <任务号> <部门> <理由>")
            .Send("退回 59 新疆银监局").Says("用法")
            .Send("退回 五十九 新疆银监局 太短").Says("任务号应为数字", "五十九")
            .Send("退回 999 新疆银监局 太短").Says("没有第 999 项任务")
            .Send("退回 59 银监会 太短").Says("没有找到部门“银监会”")
            .Send("退回 59 科技厅 太短").Says("科技厅不是第 59 项的牵头部门", "新疆银监局")
            .Send("退回 59 新疆银监局 太短").Says("新疆银监局在2026年第4季度还没有汇报第 59 项")
            .StartTestAsync();
        await Bot.Conversation("bank").Send("退回 59 新疆银监局 太短").Says("仅限协调办公室使用").StartTestAsync();
        Assert.Empty(Reports.ReturnsForPeriod(Q4));
        Assert.Empty(Channel.Hits);
    }
}
