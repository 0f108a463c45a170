using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Bot.Commands;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>Chat commands other than the report itself: help, free text, 任务, 我的任务, 逾期, and supporting notes.</summary>
public sealed class CommandTests : BotTest
{
    [Theory]
    [InlineData("帮助")]
    [InlineData("/help")]
    [InlineData("／ＨＥＬＰ")]
    [InlineData("  帮助  ")]
    [InlineData("help")]
    [InlineData("Help")]
    [InlineData("?")]
    [InlineData("？")]
    public async Task Help_lists_the_commands_in_chinese_with_their_slash_aliases(string utterance)
    {
        Bot.AddContact("user1", "新疆银监局");
        await Bot.Conversation().Send(utterance)
            .Says("可用命令", "汇报 [任务号]（/report）", "我的任务（/mytasks）", "任务 <任务号>（/task）", "逾期（/overdue）")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_fits_the_person_someone_unregistered_sees_how_to_register_and_a_contact_no_office_commands()
    {
        Bot.AddContact("contact", "新疆银监局");
        Bot.AddOfficeMember("office");

        await Bot.Conversation("stranger").Send("帮助")
            .AssertReply(a =>
            {
                var text = ((Microsoft.Bot.Schema.IMessageActivity)a).Text;
                Assert.Contains("注册 <邀请码>", text);
                Assert.DoesNotContain("汇报 [任务号]", text);
                Assert.DoesNotContain("邀请 <部门>", text);
            }).StartTestAsync();
        await Bot.Conversation("contact").Send("？")
            .AssertReply(a =>
            {
                var text = ((Microsoft.Bot.Schema.IMessageActivity)a).Text;
                Assert.Contains("汇报 [任务号]", text);
                Assert.DoesNotContain("邀请 <部门>", text);
            }).StartTestAsync();
        await Bot.Conversation("office").Send("help").Says("邀请 <部门>", "汇报 [任务号]").StartTestAsync();
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("hello")]
    [InlineData("/tasks")]
    [InlineData("汇")]
    public async Task Free_text_that_matches_no_command_gets_a_short_help(string utterance)
    {
        await Bot.Conversation().Send(utterance).Says("没有理解您的意思", "帮助").StartTestAsync();
    }

    [Fact]
    public async Task Commands_for_contacts_tell_a_user_who_has_not_registered_how_to_register()
    {
        var forContacts = Bot.Get<CommandCatalog>().Commands.Where(c => c.Contact).ToList();
        Assert.Equal(
            [CommandIds.Report, CommandIds.MyTasks, CommandIds.Overdue, CommandIds.Subscribe, CommandIds.Unsubscribe, CommandIds.Digest, CommandIds.Export],
            forContacts.Select(c => c.Id));

        foreach (var command in forContacts)
        {
            await Bot.Conversation("stranger").Send(command.Words[0]).Says("您还没有注册为联络员", "注册 <邀请码>").StartTestAsync();
            await Bot.Conversation("stranger").Send(command.Alias).Says("您还没有注册为联络员").StartTestAsync();
        }
    }

    [Fact]
    public async Task A_megabyte_of_text_gets_a_polite_refusal()
    {
        await Bot.Conversation().Send(new string('报', 1_000_000)).Says("消息太长").StartTestAsync();
    }

    [Theory]
    [InlineData("任务 61")]
    [InlineData("任务61")]
    [InlineData("/task 61")]
    [InlineData("任务 ６１")]
    public async Task Task_shows_text_departments_roles_and_schedule(string utterance)
    {
        await Bot.Conversation().Send(utterance)
            .Says("第 61 项：建立与之相适应的监管制度", "牵头部门：新疆银监局", "配合部门：中国人民银行乌鲁木齐中心支行", "计划期限：2016年启动，持续推进")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("任务", "请在“任务”后写任务号")]
    [InlineData("任务 abc", "请在“任务”后写任务号")]
    [InlineData("任务 0", "没有第 0 项任务")]
    public async Task Task_without_a_valid_number_says_what_is_wrong(string utterance, string reply)
    {
        await Bot.Conversation().Send(utterance).Says(reply).StartTestAsync();
    }

    [Fact]
    public async Task Task_shows_the_last_four_quarters_of_report_history_and_notes_to_registered_users_only()
    {
        var at = Bot.Time.GetUtcNow();
        var fourQuartersBefore = Q4.Previous().Previous().Previous().Previous();
        Reports.Append(new ReportKey(61, "新疆银监局", fourQuartersBefore), Content(ReportStatus.NotStarted), "c", at.AddMonths(-12), late: false);
        Reports.Append(new ReportKey(61, "新疆银监局", Q4.Previous()), Content(ReportStatus.OnTrack), "c", at.AddMonths(-3), late: false);
        Reports.Append(new ReportKey(61, "新疆银监局", Q4), Content(ReportStatus.Behind), "c", at, late: true);
        Reports.AppendNote(new ReportNote(61, "中国人民银行乌鲁木齐中心支行", Q4, "配合开展了调研", "c2", at));

        await Bot.Conversation("stranger").Send("任务 61").AssertReply(a =>
        {
            var text = ((Microsoft.Bot.Schema.IMessageActivity)a).Text;
            Assert.Contains("牵头部门：新疆银监局", text);
            Assert.DoesNotContain("汇报记录", text);
        }).StartTestAsync();

        Bot.AddContact("user1", "科技厅");
        await Bot.Conversation().Send("任务 61").AssertReply(a =>
        {
            var text = ((Microsoft.Bot.Schema.IMessageActivity)a).Text;
            Assert.Contains("最近 4 个季度的汇报记录（更早的请发送“导出”查看台账）：", text);
            Assert.Contains("· 2026年第4季度 新疆银监局：滞后（第 1 版，2026年12月20日 提交，逾期）", text);
            Assert.Contains("· 2026年第3季度 新疆银监局：按计划推进", text);
            Assert.Contains("· 2026年第4季度 中国人民银行乌鲁木齐中心支行（配合）：配合开展了调研", text);
            // Five quarters back: in the ledger, not in the chat.
            Assert.DoesNotContain("2025年第4季度", text);
        }).StartTestAsync();
    }

    [Fact]
    public async Task My_tasks_lists_lead_tasks_with_this_periods_status_and_supported_tasks()
    {
        Bot.AddContact("user1", "新疆银监局");
        Reports.Append(new ReportKey(61, "新疆银监局", Q4), Content(ReportStatus.Completed), "c", Bot.Time.GetUtcNow(), late: false);

        await Bot.Conversation().Send("我的任务")
            .Says("新疆银监局（2026年第4季度）", "牵头任务 2 项，本季度已汇报 1 项", "· 第 59 项 [未汇报]", "· 第 61 项 [已完成]",
                "配合任务 3 项", "· 第 58 项（金融办牵头）", "· 第 60 项（中国人民银行乌鲁木齐中心支行牵头）", "· 第 104 项（经信委牵头）")
            .StartTestAsync();
    }

    [Fact]
    public async Task Overdue_lists_tasks_past_their_plan_year_until_one_is_reported_completed()
    {
        Bot.AddContact("user1", "国资委");

        await Bot.Conversation().Send("逾期").Says("**超过计划期限未完成的任务（", "- 第 6 项（国资委，2017年完成）：").StartTestAsync();

        Reports.Append(new ReportKey(6, "国资委", Q4), Content(ReportStatus.Completed), "c", Bot.Time.GetUtcNow(), late: false);
        await Bot.Conversation().Send("逾期").AssertReply(a =>
            Assert.DoesNotContain("第 6 项", ((Microsoft.Bot.Schema.IMessageActivity)a).Text)).StartTestAsync();
    }

    [Fact]
    public async Task A_supporting_department_adds_a_note_to_a_task_it_supports()
    {
        Bot.AddContact("user1", "中国人民银行乌鲁木齐中心支行");

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项由新疆银监局牵头，中国人民银行乌鲁木齐中心支行是配合部门", "配合工作情况")
            .Send("  配合开展了窗口指导。\n下季度继续。 ").Says("请核对", "配合开展了窗口指导。\n下季度继续。", "1. 确认")
            .Send("确认").Says("已保存中国人民银行乌鲁木齐中心支行对第 61 项的配合情况")
            .StartTestAsync();

        var note = Assert.Single(Reports.NotesForPeriod(Q4));
        Assert.Equal("配合开展了窗口指导。\n下季度继续。", note.Text);
        Assert.Equal("contact-user1", note.SubmittedBy);
        Assert.Empty(Reports.ForPeriod(Q4));
    }

    private static ReportContent Content(ReportStatus status) => new(status, "进展", "无", "下一步", null, []);
}
