using System.Text.Json;
using Microsoft.Bot.Schema;
using ReformBot.Core.Reports;
using ReformBot.Host.Cli;
using ReformBot.Host.Digests;
using ReformBot.Host.Messages;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>
/// Supporting (配合) departments are part of the report: 汇报 leads a supporting department into the
/// notes of the period after its lead tasks, notes are stored once per draft and every one is kept,
/// and the lead department sees them when it reports the task.
/// </summary>
public sealed class SupportNotesTests : BotTest
{
    // Leads no task; supports 55 (发改委), 56 (知识产权局) and 57 (金融办).
    private const string SupportOnly = "中国证监会新疆监管局";
    // Leads 60; supports 55, 56, 58, 59, 61 and 92.
    private const string Both = "中国人民银行乌鲁木齐中心支行";

    [Fact]
    public async Task Report_for_a_department_that_only_supports_lists_the_tasks_without_a_note_and_asks_for_the_first()
    {
        Bot.AddContact("user1", SupportOnly);

        await Bot.Conversation()
            .Send("汇报").Says("2026年第4季度没有待汇报的牵头任务", "还有 3 项未填配合说明：第 55、56、57 项", "【1/3】第 55 项由发改委牵头", "配合工作情况")
            .Send("配合发改委审核了两家企业的债券申报材料").Says("请核对", "配合发改委审核了两家企业的债券申报材料", "1. 确认")
            .Send("确认").Says("已保存中国证监会新疆监管局对第 55 项的配合情况").Says("【2/3】第 56 项由知识产权局牵头")
            .Send("稍后").Says("已暂停")
            .Send("汇报").Says("继续第 56 项")
            .Send("取消").Says("已放弃第 56 项的草稿")
            .Send("汇报").Says("还有 2 项未填配合说明：第 56、57 项", "【1/2】第 56 项")
            .Send("跳过").Says("已跳过第 56 项").Says("【2/2】第 57 项由金融办牵头")
            .Send("参与试点方案论证").Says("请核对")
            .Send("确认").Says("已保存中国证监会新疆监管局对第 57 项的配合情况").Says("本次汇报结束：提交 1 项，跳过 1 项")
            .StartTestAsync();

        var notes = Reports.NotesForPeriod(Q4);
        Assert.Equal([(55, "配合发改委审核了两家企业的债券申报材料"), (57, "参与试点方案论证")], notes.Select(n => (n.TaskNumber, n.Text)));
        Assert.All(notes, n => Assert.Equal(SupportOnly, n.Department));
        Assert.Empty(Reports.ForPeriod(Q4));
    }

    [Fact]
    public async Task Report_for_a_supporting_department_with_every_note_written_says_nothing_is_pending()
    {
        Bot.AddContact("user1", SupportOnly);
        foreach (var task in new[] { 55, 56, 57 })
            Reports.AppendNote(new ReportNote(task, SupportOnly, Q4, "已配合", "contact-user1", Bot.Time.GetUtcNow()));

        await Bot.Conversation().Send("汇报").Says("牵头任务都已汇报，配合说明也都已填写").StartTestAsync();
    }

    [Fact]
    public async Task A_contact_with_lead_and_supported_tasks_reports_the_lead_tasks_first_then_the_notes()
    {
        Bot.AddContact("user1", Both);

        await Bot.Conversation()
            .Send("汇报").Says("先报牵头任务 1 项，再填配合说明 6 项", "【1/7】第 60 项（中国人民银行乌鲁木齐中心支行牵头")
            .Send("状态：按计划推进\n进展：新增科技贷款 12 亿元\n问题：无\n下一步：继续推进\n进度：无\n佐证：无").Says("请核对第 60 项")
            .Send("确认").Says("已保存第 60 项的汇报").Says("牵头任务已走完，接着填配合说明（6 项）", "【2/7】第 55 项由发改委牵头")
            .Send("稍后").Says("已暂停")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_note_confirmed_twice_is_stored_once_and_a_new_note_is_a_new_revision()
    {
        Bot.AddContact("user1", Both);

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项由新疆银监局牵头")
            .Send("配合开展窗口指导").Says("请核对")
            .Send("确认").Says("已保存中国人民银行乌鲁木齐中心支行对第 61 项的配合情况")
            .Send("确认").Says("这份配合说明已经保存过，没有重复保存")
            .Send("汇报 61").Says("第 61 项由新疆银监局牵头")
            .Send("补充：组织了两次银企对接").Says("请核对")
            .Send("确定").Says("已保存")
            .StartTestAsync();

        Assert.Equal(["配合开展窗口指导", "补充：组织了两次银企对接"], Reports.NotesForTask(61).Select(n => n.Text));
    }

    [Fact]
    public async Task The_lead_department_sees_the_supporting_notes_of_the_period_at_the_tasks_first_question()
    {
        Bot.AddContact("support", Both);
        Bot.AddContact("lead", "新疆银监局");
        Reports.AppendNote(new ReportNote(61, Both, Q4.Previous(), "上季度的说明不再显示", "contact-support", Bot.Time.GetUtcNow().AddMonths(-3)));

        await Bot.Conversation("support")
            .Send("汇报 61").Says("配合工作情况")
            .Send("配合开展了窗口指导，走访了 12 家科技型企业，推动签约授信 3 亿元，并在全区推广了知识产权质押融资试点经验").Says("请核对")
            .Send("确认").Says("已保存")
            .StartTestAsync();

        await Bot.Conversation("lead")
            .Send("汇报 61").AssertReply(a =>
            {
                var text = ((IMessageActivity)a).Text;
                Assert.Contains("配合部门 中国人民银行乌鲁木齐中心支行 已报：配合开展了窗口指导，走访了 12 家科技型企业", text);
                Assert.DoesNotContain("推广了知识产权质押融资试点经验", text);
                Assert.DoesNotContain("上季度的说明不再显示", text);
                Assert.Contains("请选择本季度进展状态", text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task My_tasks_shows_which_notes_are_written_in_one_line_and_a_line_only_for_each_note_still_to_write()
    {
        Bot.AddContact("user1", "新疆银监局"); // leads 59 and 61; supports 58, 60 and 104
        Reports.AppendNote(new ReportNote(60, "新疆银监局", Q4, "配合开展了督导", "contact-user1", Bot.Time.GetUtcNow()));
        Reports.AppendNote(new ReportNote(58, "新疆银监局", Q4.Previous(), "上季度的说明不算本季度", "contact-user1", Bot.Time.GetUtcNow().AddMonths(-3)));

        var text = await MyTasksAsync();

        Assert.Contains("配合任务 3 项，本季度配合说明已填 1 项（第 60 项），未填的：\n· 第 58 项（金融办牵头）", text);
        Assert.Contains("· 第 104 项（经信委牵头）", text);
        Assert.DoesNotContain("第 60 项（", text);
        // The department, the lead header and its two lines, the support header and its two lines, a blank line, the footer.
        Assert.Equal(9, text.Split('\n').Length);

        foreach (var task in new[] { 58, 104 })
            Reports.AppendNote(new ReportNote(task, "新疆银监局", Q4, "已配合", "contact-user1", Bot.Time.GetUtcNow()));
        text = await MyTasksAsync();
        Assert.Contains("配合任务 3 项，本季度配合说明都已填写。", text);
        Assert.DoesNotContain("· 第 58 项", text);
        Assert.Equal(7, text.Split('\n').Length);
    }

    [Fact]
    public async Task My_tasks_shows_a_report_sent_back_as_returned_with_the_reason_until_it_is_reported_again()
    {
        Bot.AddContact("user1", "新疆银监局");
        var key = new ReportKey(61, "新疆银监局", Q4);
        var content = new ReportContent(ReportStatus.OnTrack, "进展", "无", "继续", null, []);
        var first = Reports.Append(key, content, "contact-user1", Bot.Time.GetUtcNow(), late: false);
        Reports.AppendReturn(new ReportReturn(key, first.Revision, "请补充\n具体数据和佐证材料，说明资金到位情况", "contact-office", Bot.Time.GetUtcNow()));

        var text = await MyTasksAsync();
        Assert.Contains("牵头任务 2 项，本季度已汇报 0 项", text);
        Assert.Contains("· 第 61 项 [已退回：请补充 具体数据和佐证材料，说明资", text);
        Assert.DoesNotContain("资金到位情况", text);

        Reports.Append(key, content with { Progress = "补充了数据" }, "contact-user1", Bot.Time.GetUtcNow(), late: false);
        text = await MyTasksAsync();
        Assert.Contains("牵头任务 2 项，本季度已汇报 1 项", text);
        Assert.Contains("· 第 61 项 [按计划推进]", text);
        Assert.DoesNotContain("已退回", text);
    }

    [Fact]
    public void The_digests_detail_and_its_json_carry_the_latest_note_of_each_supporting_department()
    {
        var at = Bot.Time.GetUtcNow();
        Reports.AppendNote(new ReportNote(61, Both, Q4, "第一次说明", "c1", at.AddHours(-2)));
        Reports.AppendNote(new ReportNote(61, Both, Q4, "配合开展*窗口指导*", "c1", at.AddHours(-1)));
        Reports.AppendNote(new ReportNote(61, Both, Q4.Previous(), "上季度的说明", "c1", at.AddMonths(-3)));
        var digest = Bot.Get<DigestService>().Compute(Q4);

        var json = JsonDocument.Parse(JsonSerializer.Serialize(DigestJson.From(digest, Bot.Get<TextFormat>()), JsonOutput.Options)).RootElement;
        var tasks = json.GetProperty("tasks").EnumerateArray().ToList();
        var note = Assert.Single(tasks.Single(t => t.GetProperty("task").GetInt32() == 61).GetProperty("notes").EnumerateArray());
        Assert.Equal((Both, "配合开展*窗口指导*", "2026-12-20T09:00:00+08:00"),
            (note.GetProperty("department").GetString(), note.GetProperty("text").GetString(), note.GetProperty("submittedAt").GetString()));
        Assert.Equal(0, tasks.Single(t => t.GetProperty("task").GetInt32() == 59).GetProperty("notes").GetArrayLength());

        var detail = string.Join("\n", Bot.Get<DigestMarkdown>().Render(digest));
        Assert.Contains("**配合部门说明（1 条）**\n\n- 第 61 项 中国人民银行乌鲁木齐中心支行（配合）：配合开展\\*窗口指导\\*", detail);
        Assert.DoesNotContain("第一次说明", detail);
    }

    [Fact]
    public async Task Task_shows_the_notes_to_the_lead_department_with_every_note_kept()
    {
        Bot.AddContact("lead", "新疆银监局");
        var at = Bot.Time.GetUtcNow();
        Reports.AppendNote(new ReportNote(61, Both, Q4, "第一次说明", "c1", at.AddHours(-2)));
        Reports.AppendNote(new ReportNote(61, Both, Q4, "补充说明", "c1", at.AddHours(-1)));

        await Bot.Conversation("lead").Send("任务 61")
            .Says("· 2026年第4季度 中国人民银行乌鲁木齐中心支行（配合）：补充说明", "· 2026年第4季度 中国人民银行乌鲁木齐中心支行（配合）：第一次说明")
            .StartTestAsync();
    }

    private async Task<string> MyTasksAsync()
    {
        var text = "";
        await Bot.Conversation().Send("我的任务").AssertReply(a => text = ((IMessageActivity)a).Text).StartTestAsync();
        return text;
    }
}
