using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Bot.Reporting;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>The quarterly report conversation (汇报) end to end through the SDK's TestAdapter.</summary>
public sealed class ReportConversationTests : BotTest
{
    [Fact]
    public async Task A_contact_walks_through_the_pending_lead_tasks_and_each_confirmed_report_is_stored()
    {
        Bot.AddContact("user1", "新疆银监局"); // leads tasks 59 and 61; supports 58, 60 and 104

        await Bot.Conversation()
            .Send("汇报").Says("2026年第4季度", "先报牵头任务 2 项，再填配合说明 3 项", "【1/5】第 59 项（新疆银监局牵头", "投贷联动", "计划期限：2016年启动，持续推进",
                "2027年1月10日", "上季度（2026年第3季度）未汇报", "1. 已完成", "4. 未启动")
            .Send("3").Says("进展情况")
            .Send("   ").Says("不能为空", "进展情况")
            .Send("  完成调研，起草了试点方案。 ").Says("存在问题")
            .Send("试点银行积极性不高").Says("下一步工作思路")
            .Send("下季度召开推进会").Says("百分比")
            .Send("一半").Says("“一半”不是 0–100 之间的整数", "百分比")
            .Send("６０％").Says("链接")
            .Send("ftp://files/a").Says("http://", "链接")
            .Send("无").Says("请核对第 59 项", "状态：滞后", "进展情况：完成调研，起草了试点方案。", "存在问题：试点银行积极性不高",
                "完成进度（%）：60", "佐证材料：无", "确认 / 修改 / 跳过")
            .Send("确认").Says("已保存第 59 项的汇报（滞后，第 1 版）")
            .Says("【2/5】第 61 项")
            .Send("跳过").Says("已跳过第 61 项")
            .Says("牵头任务已走完，接着填配合说明（3 项）", "【3/5】第 58 项由金融办牵头")
            .Send("跳过").Says("已跳过第 58 项").Says("【4/5】第 60 项")
            .Send("跳过").Says("已跳过第 60 项").Says("【5/5】第 104 项")
            .Send("跳过").Says("已跳过第 104 项")
            .Says("本次汇报结束：提交 1 项，跳过 4 项")
            .StartTestAsync();

        var saved = Assert.Single(Reports.ForPeriod(Q4));
        Assert.Equal(new ReportKey(59, "新疆银监局", Q4), saved.Key);
        Assert.Equal(new ReportContent(ReportStatus.Behind, "完成调研，起草了试点方案。", "试点银行积极性不高", "下季度召开推进会", 60, []).Progress, saved.Content.Progress);
        Assert.Equal(ReportStatus.Behind, saved.Content.Status);
        Assert.Equal(60, saved.Content.Percent);
        Assert.Empty(saved.Content.Evidence);
        Assert.Equal("contact-user1", saved.SubmittedBy);
        Assert.Equal(Bot.Time.GetUtcNow(), saved.SubmittedAt);
        Assert.False(saved.Late);
    }

    [Fact]
    public async Task Reporting_one_task_again_edits_it_into_a_new_revision_and_keeps_the_old_one()
    {
        Bot.AddContact("user1", "新疆银监局");
        await Submit("汇报 61", "按计划推进", "第一次的进展", "无", "继续", "无", "https://gov.example/a.pdf https://gov.example/b.pdf");

        await Bot.Conversation()
            .Send("汇报 61").Says("本季度已提交过（第 1 版）", "【1/1】第 61 项")
            .Send("已完成").Says("进展情况", "当前填写：第一次的进展", "同上")
            .Send("同上").Says("存在问题")
            .Send("同上").Says("下一步工作思路")
            .Send("巩固成果").Says("百分比")
            .Send("100").Says("链接", "https://gov.example/a.pdf")
            .Send("同上").Says("状态：已完成", "进展情况：第一次的进展", "下一步工作思路：巩固成果", "https://gov.example/b.pdf")
            .Send("1").Says("已保存第 61 项的汇报（已完成，第 2 版）")
            .StartTestAsync();

        var history = Reports.History(new ReportKey(61, "新疆银监局", Q4));
        Assert.Equal([1, 2], history.Select(r => r.Revision));
        Assert.Equal([ReportStatus.OnTrack, ReportStatus.Completed], history.Select(r => r.Content.Status));
        Assert.Equal(["https://gov.example/a.pdf", "https://gov.example/b.pdf"], history[1].Content.Evidence);
    }

    [Fact]
    public async Task Editing_at_the_summary_goes_back_to_the_first_question_with_the_answers_kept()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 59").Says("第 59 项")
            .Send("未启动").Says("进展情况")
            .Send("尚未开始").Says("存在问题")
            .Send("无").Says("下一步")
            .Send("尽快启动").Says("百分比")
            .Send("无").Says("链接")
            .Send("无").Says("状态：未启动")
            .Send("修改").Says("请选择本季度进展状态")
            .Send("2").Says("当前填写：尚未开始")
            .Send("已启动，完成方案").Says("当前填写：无")
            .Send("同上").Says("当前填写：尽快启动")
            .Send("同上").Says("百分比")
            .Send("无").Says("链接")
            .Send("无").Says("状态：按计划推进", "进展情况：已启动，完成方案")
            .Send("确认").Says("第 1 版")
            .StartTestAsync();

        Assert.Equal(ReportStatus.OnTrack, Reports.History(new ReportKey(59, "新疆银监局", Q4)).Single().Content.Status);
    }

    [Fact]
    public async Task Pause_keeps_the_draft_commands_work_meanwhile_and_report_resumes_at_the_same_question()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项")
            .Send("推进").Says("进展情况")
            .Send("稍后").Says("已暂停，草稿已保存")
            .Send("我的任务").Says("新疆银监局", "牵头任务 2 项，本季度已汇报 0 项")
            .Send("汇报").Says("继续第 61 项（新疆银监局）未完成的草稿", "状态：按计划推进", "进展情况：未填", "进展情况（")
            .Send("开了两次会").Says("存在问题")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_drops_the_draft_and_stores_nothing()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项")
            .Send("1").Says("进展情况")
            .Send("取消").Says("确定放弃这份草稿吗", "进展情况")
            .Send("取消").Says("已放弃第 61 项的草稿")
            .Send("随便说点什么").Says("没有理解您的意思")
            .StartTestAsync();

        Assert.Empty(Reports.ForPeriod(Q4));
    }

    [Fact]
    public async Task Help_and_slash_commands_work_in_the_middle_of_a_report()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项")
            .Send("帮助").Says("正在汇报第 61 项", "稍后", "请选择本季度进展状态")
            .Send("5").Says("没有“5”这个选项", "请选择本季度进展状态")
            .Send("/task 61").Says("第 61 项：建立与之相适应的监管制度", "牵头部门：新疆银监局").Says("请选择本季度进展状态")
            .Send("滞后").Says("进展情况")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("汇报 abc", "任务号应为数字")]
    [InlineData("汇报 999", "没有第 999 项任务")]
    [InlineData("汇报 1", "第 1 项不是您所在部门牵头的任务（牵头部门：科技厅）")]
    [InlineData("汇报 61 科技厅", "您不属于“科技厅”")]
    public async Task A_task_the_contact_cannot_report_is_refused_with_the_reason(string utterance, string reply)
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation().Send(utterance).Says(reply).StartTestAsync();

        Assert.Empty(Reports.ForPeriod(Q4));
    }

    [Fact]
    public async Task A_contact_of_two_lead_departments_is_asked_which_one()
    {
        Bot.AddContact("user1", "科技厅", "财政厅"); // task 73: 科技厅、财政厅按职能分别牵头

        await Bot.Conversation()
            .Send("汇报 73").Says("由您所在的多个部门牵头（科技厅、财政厅）", "汇报 73 科技厅")
            .Send("汇报 73 科学技术厅").Says("第 73 项（科技厅牵头")
            .StartTestAsync();
    }

    [Fact]
    public async Task Someone_not_registered_is_told_how_to_register()
    {
        await Bot.Conversation().Send("汇报").Says("还没有注册", "注册 <邀请码>").StartTestAsync();
    }

    [Fact]
    public async Task A_report_after_the_due_date_is_accepted_and_marked_late()
    {
        Bot.AddContact("user1", "新疆银监局");
        Bot.Time.SetUtcNow(new DateTimeOffset(2027, 1, 11, 0, 0, 0, TimeSpan.FromHours(8)));

        await Bot.Conversation().Send("汇报 61").Says("已于 2027年1月10日 截止（已逾期 1 天）", "逾期汇报仍然接受", "第 61 项").StartTestAsync();
        await Bot.Conversation()
            .Send("按计划推进").Says("进展情况").Send("进展").Says("存在问题").Send("无").Says("下一步").Send("继续").Says("百分比")
            .Send("无").Says("链接").Send("无").Says("请核对").Send("确认").Says("已保存第 61 项")
            .StartTestAsync();

        Assert.True(Reports.History(new ReportKey(61, "新疆银监局", Q4)).Single().Late);
    }

    [Fact]
    public async Task Two_contacts_of_one_department_submitting_one_task_at_onceBoth_keep_their_revision()
    {
        Bot.AddContact("user1", "新疆银监局");
        Bot.AddContact("user2", "新疆银监局");

        await Task.WhenAll(
            Submit("汇报 61", "按计划推进", "甲的进展", "无", "继续", "无", "无", user: "user1"),
            Submit("汇报 61", "滞后", "乙的进展", "有问题", "整改", "30", "无", user: "user2"));

        var history = Reports.History(new ReportKey(61, "新疆银监局", Q4));
        Assert.Equal([1, 2], history.Select(r => r.Revision));
        Assert.Equal(["contact-user1", "contact-user2"], history.Select(r => r.SubmittedBy).Order(StringComparer.Ordinal));
        Assert.Equal(new HashSet<string> { "甲的进展", "乙的进展" }, history.Select(r => r.Content.Progress).ToHashSet());
    }

    [Fact]
    public async Task An_action_the_conversation_does_not_handle_fails_the_turn_loudly()
    {
        // The loader refuses such a dialog file; the engine is given one directly here, as a bug elsewhere might.
        var dialogs = DialogLoader.LoadDirectory(DialogLoader.DefaultDirectory, ReportConversation.Dialogs).ToDictionary();
        dialogs["report"] = dialogs["report"] with { Anywhere = [.. dialogs["report"].Anywhere, new AnywhereWords(["暂停"], "pasue")] };
        using var dir = new TempDirectory();
        await using var bot = BotHarness.Create(dir.DatabasePath, configure: services => services.AddSingleton(new DialogEngine(dialogs)));
        bot.AddContact("user1", "新疆银监局");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Conversation()
            .Send("汇报 61").Says("第 61 项")
            .Send("暂停")
            .StartTestAsync());

        Assert.Contains("'pasue'", error.Message);
    }

    private Task Submit(string start, string status, string progress, string problems, string next, string percent, string evidence, string expect = "已保存", string user = "user1") =>
        Bot.Conversation(user)
            .Send(start).Says("第")
            .Send(status).Says("进展情况")
            .Send(progress).Says("存在问题")
            .Send(problems).Says("下一步")
            .Send(next).Says("百分比")
            .Send(percent).Says("链接")
            .Send(evidence).Says("请核对")
            .Send("确认").Says(expect)
            .StartTestAsync();
}
