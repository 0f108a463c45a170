using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Periods;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>
/// Nothing typed is thrown away, and a task takes few messages: command words at every question,
/// kept drafts, going back, labelled one-message answers, buttons, reusing last quarter.
/// </summary>
public sealed class ReportFlowTests : BotTest
{
    private static readonly ReportKey Task61 = new(61, "新疆银监局", Q4);

    private const string Labelled = "状态：滞后\n进展：已完成调研，起草了办法初稿\n问题：资金未到位\n下一步：12月底前报审\n进度：40";

    [Fact]
    public async Task One_labelled_message_answers_a_whole_task_and_confirming_stores_it()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项", "状态：滞后")
            .Send(Labelled).Says("请核对第 61 项", "状态：滞后", "进展情况：已完成调研，起草了办法初稿", "存在问题：资金未到位", "完成进度（%）：40", "佐证材料：无")
            .Send("确认").Says("已保存第 61 项的汇报（滞后，第 1 版）")
            .StartTestAsync();

        var saved = Assert.Single(Reports.History(Task61)).Content;
        Assert.Equal(new ReportContent(ReportStatus.Behind, "已完成调研，起草了办法初稿", "资金未到位", "12月底前报审", 40, []), saved with { Evidence = [] });
    }

    [Fact]
    public async Task The_task_and_its_answers_fit_in_one_message_numbered_in_any_order_with_half_width_colons()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61\n1. 下一步工作思路: 报审\n2、存在问题：无\n（3）进展情况：完成，\n第二行也是进展\n4. 状态: 按计划")
            .Says("请核对第 61 项", "状态：按计划推进", "进展情况：完成，\n第二行也是进展", "存在问题：无", "下一步工作思路：报审")
            .Send("确认").Says("第 1 版")
            .StartTestAsync();

        Assert.Equal("完成，\n第二行也是进展", Assert.Single(Reports.History(Task61)).Content.Progress);
    }

    [Fact]
    public async Task A_labelled_message_with_missing_and_bad_fields_keeps_the_good_ones_and_asks_only_for_the_rest()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项")
            .Send("状态：很好\n进展：开了两次会\n备注：不认识的标签算进展的续行\n进度：200").Says("没有“很好”这个选项", "“200”不是 0–100 之间的整数", "请选择本季度进展状态")
            .Send("2").Says("存在问题")
            .Send("无").Says("下一步")
            .Send("继续推进").Says("百分比")
            .Send("无").Says("进展情况：开了两次会\n备注：不认识的标签算进展的续行", "完成进度（%）：未填")
            .StartTestAsync();
    }

    [Fact]
    public async Task Every_choice_comes_with_buttons_and_prefixes_and_full_width_numbers_work()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61").AssertReply(a => Assert.Equal(["已完成", "按计划推进", "滞后", "未启动"], Buttons(a)))
            .Send("按计划").Says("进展情况")
            .Send("上一步").Says("请选择本季度进展状态")
            .Send("２").Says("进展情况")
            .Send("进展").Says("存在问题")
            .Send("无").Says("下一步")
            .Send("继续").AssertReply(a => Assert.Equal(["无"], Buttons(a)))
            .Send("跳过").Says("链接")
            .Send("无").AssertReply(a => Assert.Equal(["确认", "修改", "跳过"], Buttons(a)))
            .Send("3。").Says("已跳过第 61 项", "草稿", "汇报 61")
            .Send("汇报 61").Says("继续第 61 项（新疆银监局）未完成的草稿", "状态：按计划推进", "进展情况：进展", "请核对")
            .Send("确认").Says("已保存第 61 项的汇报（按计划推进，第 1 版）")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("我的任务", "牵头任务 2 项")]
    [InlineData("任务 59", "第 59 项：")]
    [InlineData("/task 59", "第 59 项：")]
    [InlineData("汇报", "继续第 61 项")]
    public async Task A_command_word_at_any_question_is_answered_and_the_question_asked_again_never_saved(string command, string answer)
    {
        Bot.AddContact("user1", "新疆银监局");
        var questions = new[] { ("滞后", "进展情况"), ("进展", "存在问题"), ("无", "下一步"), ("继续", "百分比"), ("无", "链接"), ("无", "请核对") };

        var flow = Bot.Conversation().Send("汇报 61").Says("请选择本季度进展状态");
        var current = "请选择本季度进展状态";
        foreach (var (reply, next) in questions)
        {
            // 汇报 itself answers with the question; the others answer, then ask it again.
            flow = command == "汇报" ? flow.Send(command).Says(answer, current) : flow.Send(command).Says(answer).Says(current);
            flow = flow.Send(reply).Says(next);
            current = next;
        }
        flow = command == "汇报" ? flow.Send(command).Says(answer, current) : flow.Send(command).Says(answer).Says(current);
        await flow.Send("确认").Says("已保存").StartTestAsync();

        var saved = Assert.Single(Reports.History(Task61)).Content;
        Assert.Equal(("进展", "无", "继续"), (saved.Progress, saved.Problems, saved.NextSteps));
    }

    [Fact]
    public async Task Report_with_another_task_mid_report_keeps_the_current_draft()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项")
            .Send("滞后").Says("进展情况")
            .Send("汇报 59").Says("第 59 项")
            .Send("汇报").Says("继续第 59 项")
            .Send("跳过").Says("已跳过第 59 项")
            .Send("汇报 61").Says("继续第 61 项（新疆银监局）未完成的草稿", "状态：滞后", "进展情况（")
            .StartTestAsync();
    }

    [Fact]
    public async Task Reuse_takes_last_quarters_text_and_copy_all_marks_the_report_as_copied()
    {
        Bot.AddContact("user1", "新疆银监局");
        Reports.Append(Task61 with { Period = Q4.Previous() }, new ReportContent(ReportStatus.OnTrack, "上季度的进展", "上季度的问题", "上季度的下一步", 30, []), "contact-user1",
            Bot.Time.GetUtcNow().AddMonths(-3), late: false);

        await Bot.Conversation()
            .Send("汇报 61").AssertReply(a => Assert.Contains("沿用上季度", Buttons(a)))
            .Send("滞后").AssertReply(a => Assert.Equal(["沿用"], Buttons(a)))
            .Send("同上").Says("存在问题")
            .Send("新问题").Says("下一步")
            .Send("沿用").Says("百分比")
            .Send("无").Says("链接")
            .Send("无").Says("进展情况：上季度的进展", "存在问题：新问题", "下一步工作思路：上季度的下一步")
            .Send("修改 进展").Says("进展情况", "当前填写：上季度的进展")
            .Send("本季度的新进展").Says("请核对", "进展情况：本季度的新进展", "存在问题：新问题")
            .Send("确认").Says("第 1 版")
            .StartTestAsync();

        await Bot.Conversation()
            .Send("汇报 59").Says("第 59 项")
            .Send("沿用上季度").Says("没有可沿用的内容")
            .Send("取消").Says("已放弃")
            .Send("汇报 61").Says("正在修改本季度第 1 版")
            .StartTestAsync();

        var saved = Assert.Single(Reports.History(Task61)).Content;
        Assert.Equal(("本季度的新进展", "新问题", "上季度的下一步"), (saved.Progress, saved.Problems, saved.NextSteps));
    }

    [Fact]
    public async Task Copying_the_whole_previous_report_takes_two_messages_and_says_it_will_be_marked_copied()
    {
        Bot.AddContact("user1", "新疆银监局");
        Reports.Append(Task61 with { Period = Q4.Previous() }, new ReportContent(ReportStatus.OnTrack, "持续推进", "无", "继续", null, []), "contact-user1",
            Bot.Time.GetUtcNow().AddMonths(-3), late: false);

        await Bot.Conversation()
            .Send("汇报 61\n沿用上季度").Says("请核对第 61 项", "状态：按计划推进", "进展情况：持续推进", "与上季度相同，将标为照抄")
            .Send("确认").Says("已保存第 61 项")
            .StartTestAsync();

        Assert.Equal("持续推进", Assert.Single(Reports.History(Task61)).Content.Progress);
    }

    [Fact]
    public async Task A_draft_started_before_the_office_changed_the_period_is_stored_in_its_own_period_and_the_contact_told()
    {
        Bot.AddContact("user1", "新疆银监局");
        await Bot.Conversation().Send("汇报 61").Says("2026年第4季度").Send(Labelled).Says("请核对").StartTestAsync();

        Bot.Get<ReportingPeriods>().SetOverride(Q4.Next());

        await Bot.Conversation().Send("确认").Says("已保存第 61 项").Says("已把汇报周期改为2027年第1季度", "按开始时的2026年第4季度保存").StartTestAsync();
        Assert.Single(Reports.History(Task61));
    }

    private static IReadOnlyList<string> Buttons(IActivity activity) =>
        ((IMessageActivity)activity).SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];
}
