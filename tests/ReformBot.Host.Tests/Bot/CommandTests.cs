using System.Text.RegularExpressions;
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
            Assert.Contains("最近 4 个季度各牵头部门的最新汇报（更早的请发送“导出”查看台账）：", text);
            Assert.Contains("· 2026年第4季度 新疆银监局：滞后（第 1 版，2026年12月20日 提交，逾期）", text);
            Assert.Contains("· 2026年第3季度 新疆银监局：按计划推进", text);
            Assert.Contains("· 2026年第4季度 中国人民银行乌鲁木齐中心支行（配合）：配合开展了调研", text);
            // Five quarters back: in the ledger, not in the chat.
            Assert.DoesNotContain("2025年第4季度", text);
        }).StartTestAsync();
    }

    [Fact]
    public async Task Task_shows_each_quarters_latest_revision_and_how_many_came_before_it()
    {
        var at = Bot.Time.GetUtcNow();
        var bank = new ReportKey(61, "新疆银监局", Q4);
        Reports.Append(bank with { Period = Q4.Previous() }, Content(ReportStatus.OnTrack), "c", at.AddMonths(-3), late: false);
        Reports.Append(bank, Content(ReportStatus.NotStarted), "c", at.AddDays(-2), late: false);
        Reports.Append(bank, Content(ReportStatus.OnTrack), "c", at.AddDays(-1), late: false);
        Reports.Append(bank, Content(ReportStatus.Behind), "c", at, late: true);
        Bot.AddContact("bank", "新疆银监局");
        Bot.AddContact("other", "科技厅");

        var text = await ReplyAsync("bank", "任务 61");
        var lines = text.Split('\n');
        var q4 = Array.IndexOf(lines, "· 2026年第4季度 新疆银监局：滞后（第 3 版，2026年12月20日 提交，逾期）");
        Assert.True(q4 > 0, text);
        // The count and where to see the earlier ones, right under the revision they came before.
        Assert.Equal("  ↳ 此前另有 2 版，发送“导出 2026Q4”可在台账中查看", lines[q4 + 1]);
        Assert.Equal("· 2026年第3季度 新疆银监局：按计划推进（第 1 版，2026年9月20日 提交）", lines[q4 + 2]);
        Assert.DoesNotContain("第 2 版", text);
        Assert.DoesNotContain("未启动", text);
        Assert.Single(lines, l => l.Contains("此前另有", StringComparison.Ordinal));

        // A contact of another department cannot export this one's ledger: the count alone.
        var other = await ReplyAsync("other", "任务 61");
        Assert.Contains("· 2026年第4季度 新疆银监局：滞后（第 3 版", other);
        Assert.Contains("\n  ↳ 此前另有 2 版\n", other);
        Assert.DoesNotContain("导出 2026Q4", other);
    }

    [Fact]
    public async Task Task_shows_a_return_under_the_revision_it_sent_back_while_that_is_the_latest()
    {
        var at = Bot.Time.GetUtcNow();
        var bank = new ReportKey(59, "新疆银监局", Q4);
        Bot.AddOfficeMember("office");
        var first = Reports.Append(bank, Content(ReportStatus.OnTrack), "c", at.AddDays(-2), late: false);
        Reports.AppendReturn(new ReportReturn(bank, first.Revision, "请补充具体数据", "contact-office", at.AddDays(-1)));

        var returned = (await ReplyAsync("office", "任务 59")).Split('\n');
        var line = Array.IndexOf(returned, "· 2026年第4季度 新疆银监局：按计划推进（第 1 版，2026年12月18日 提交）");
        Assert.True(line > 0, string.Join('\n', returned));
        Assert.Equal("  ↳ 已退回（2026年12月19日）：请补充具体数据", returned[line + 1]);
        Assert.DoesNotContain(returned, l => l.Contains("此前另有", StringComparison.Ordinal));

        // Revised after the return: the new revision is shown, the return went with the one it sent back.
        Reports.Append(bank, Content(ReportStatus.Behind), "c", at, late: false);
        var revised = await ReplyAsync("office", "任务 59");
        Assert.Contains("· 2026年第4季度 新疆银监局：滞后（第 2 版，2026年12月20日 提交）\n  ↳ 此前另有 1 版，发送“导出 2026Q4”可在台账中查看", revised);
        Assert.DoesNotContain("已退回", revised);
        Assert.DoesNotContain("第 1 版", revised);

        // Sent back again: the return of the revision shown, under it, then the count.
        Reports.AppendReturn(new ReportReturn(bank, 2, "问题写得不具体", "contact-office", at));
        Assert.Contains("（第 2 版，2026年12月20日 提交）\n  ↳ 已退回（2026年12月20日）：问题写得不具体\n  ↳ 此前另有 1 版",
            await ReplyAsync("office", "任务 59"));
    }

    [Fact]
    public async Task Task_replies_the_same_however_many_revisions_a_quarter_holds()
    {
        var at = Bot.Time.GetUtcNow();
        var bank = new ReportKey(61, "新疆银监局", Q4);
        Bot.AddContact("bank", "新疆银监局");
        foreach (var period in new[] { Q4.Previous(), Q4 })
        {
            Reports.Append(bank with { Period = period }, Content(ReportStatus.OnTrack), "c", at, late: false);
            Reports.Append(bank with { Period = period }, Content(ReportStatus.OnTrack), "c", at, late: false);
        }
        var few = await ReplyAsync("bank", "任务 61");

        for (var i = 0; i < 40; i++)
        {
            Reports.Append(bank, Content(ReportStatus.Behind), "c", at, late: false);
            Reports.Append(bank with { Period = Q4.Previous() }, Content(ReportStatus.Behind), "c", at, late: false);
        }
        var many = await ReplyAsync("bank", "任务 61");

        Assert.Contains("（第 42 版，", many);
        Assert.Contains("此前另有 41 版", many);
        // Line for line the same reply: only the numbers and the status differ.
        static string Shape(string text) => Regex.Replace(text.Replace("滞后", "按计划推进"), @"\d+", "#");
        Assert.Equal(Shape(few), Shape(many));
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

    private async Task<string> ReplyAsync(string user, string utterance)
    {
        var text = "";
        await Bot.Conversation(user).Send(utterance).AssertReply(a => text = ((Microsoft.Bot.Schema.IMessageActivity)a).Text).StartTestAsync();
        return text;
    }

    private static ReportContent Content(ReportStatus status) => new(status, "进展", "无", "下一步", null, []);
}
