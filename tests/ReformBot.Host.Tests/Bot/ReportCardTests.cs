using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReformBot.Core.Contacts;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Bot;
using ReformBot.Host.Bot.Reporting;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Messages;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>
/// The report of a task as one Adaptive Card on channels that render cards: offered with every field,
/// prefilled, and its submit checked and confirmed exactly as typed answers are.
/// </summary>
public sealed class ReportCardTests : BotTest
{
    private const string Department = "新疆银监局";
    private static readonly ReportKey Task61 = new(61, Department, Q4);
    private static readonly string[] Fields = ["status", "progress", "problems", "nextSteps", "percent", "evidence"];

    [Fact]
    public async Task Web_Chat_gets_the_task_as_one_card_with_every_field_prefilled_from_last_quarter()
    {
        AddWebChatContact();
        Reports.Append(Task61 with { Period = Q4.Previous() }, new ReportContent(ReportStatus.Behind, "上季度调研", "资金", "报审", 30, ["https://example.org/a"]), "someone", Bot.Time.GetUtcNow().AddDays(-90), late: false);

        var card = await CardAfter("汇报 61");

        Assert.Equal(Fields, Inputs(card).Select(i => (string)i["id"]!));
        var status = Input(card, "status");
        Assert.Equal(["已完成", "按计划推进", "滞后", "未启动"], status["choices"]!.Select(c => (string)c["title"]!));
        Assert.Equal("滞后", (string)status["value"]!);
        Assert.Equal("上季度调研", (string)Input(card, "progress")["value"]!);
        Assert.Equal(30, (int)Input(card, "percent")["value"]!);
        Assert.Equal(100, (int)Input(card, "percent")["max"]!);
        Assert.Equal("请填写 0–100 之间的整数，不填请留空。", (string)Input(card, "percent")["errorMessage"]!);
        Assert.Equal("https://example.org/a", (string)Input(card, "evidence")["value"]!);
        Assert.Equal(5000, (int)Input(card, "progress")["maxLength"]!);
        Assert.Contains("第 61 项（新疆银监局牵头", card.ToString());
        Assert.Equal("1.3", (string)card["version"]!);
        Assert.Null(card["$comment"]);
    }

    [Fact]
    public async Task A_channel_without_cards_keeps_the_text_flow()
    {
        Bot.AddContact("user1", Department);

        await Bot.Conversation()
            .Send("汇报 61").AssertReply(a =>
            {
                Assert.Contains("请选择本季度进展状态", ((IMessageActivity)a).Text);
                Assert.Empty(((IMessageActivity)a).Attachments ?? []);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task The_channels_that_get_cards_are_a_setting()
    {
        using var dir = new TempDirectory();
        await using var teamsOnly = BotHarness.Create(dir.DatabasePath, configure: s => s.Configure<ReportCardOptions>(o => o.Channels = "msteams"));
        var contact = teamsOnly.AddContact("user1", Department);
        teamsOnly.Get<IContactRepository>().Save(contact with { Address = contact.Address with { ChannelId = "webchat" } });
        var reference = TestAdapter.CreateConversation("conversation-user1", "user1", "bot");
        reference.ChannelId = "webchat";

        await new TestFlow(new TestAdapter(reference), teamsOnly.Bot)
            .Send("汇报 61").AssertReply(a => Assert.Empty(((IMessageActivity)a).Attachments ?? []))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_resumed_draft_comes_with_its_card_prefilled_from_the_draft()
    {
        AddWebChatContact();
        await WebChat().Send("汇报 61").AssertReply(_ => { }).Send("2").Says("进展情况").Send("开了两次会").Says("存在问题").Send("稍后").Says("已暂停").StartTestAsync();

        var card = await CardAfter("汇报");

        Assert.Equal("按计划推进", (string)Input(card, "status")["value"]!);
        Assert.Equal("开了两次会", (string)Input(card, "progress")["value"]!);
        Assert.Null(Input(card, "problems")["value"]);
    }

    [Fact]
    public async Task A_submitted_card_leads_to_the_summary_and_confirming_stores_one_revision_however_often_it_is_sent()
    {
        AddWebChatContact();
        var card = await CardAfter("汇报 61");
        var answers = Submit(card, new() { ["status"] = "滞后", ["progress"] = "已完成调研", ["problems"] = "资金未到位", ["nextSteps"] = "12月底前报审", ["percent"] = 40 });

        await WebChat()
            .Send(answers).AssertReply(a =>
            {
                var text = ((IMessageActivity)a).Text;
                foreach (var part in new[] { "请核对第 61 项", "状态：滞后", "进展情况：已完成调研", "存在问题：资金未到位", "完成进度（%）：40", "佐证材料：无" })
                    Assert.Contains(part, text);
                Assert.Equal(["确认", "修改", "跳过"], ((IMessageActivity)a).SuggestedActions.Actions.Select(b => b.Title));
            })
            // The same card again before 确认 only shows the summary again.
            .Send(answers).Says("请核对第 61 项")
            .Send("确认").Says("已保存第 61 项的汇报（滞后，第 1 版）")
            // And after it: the draft is stored, so nothing more is.
            .Send(answers).Says("已经保存过（第 1 版）", "没有重复保存")
            .StartTestAsync();

        var saved = Assert.Single(Reports.History(Task61));
        Assert.Equal(new ReportContent(ReportStatus.Behind, "已完成调研", "资金未到位", "12月底前报审", 40, []), saved.Content with { Evidence = [] });
        Assert.Empty(saved.Content.Evidence);
    }

    [Fact]
    public async Task A_card_with_bad_values_gets_the_same_refusals_as_typed_answers_and_stores_nothing()
    {
        AddWebChatContact();
        var card = await CardAfter("汇报 61");
        var tooLong = new string('长', 5001);

        await WebChat()
            .Send(Submit(card, new() { ["status"] = "很好", ["progress"] = tooLong, ["problems"] = "无", ["nextSteps"] = "报审", ["percent"] = 150, ["evidence"] = "ftp://x" }))
            .AssertReply(a =>
            {
                var text = ((IMessageActivity)a).Text;
                Assert.Contains("没有“很好”这个选项", text);
                Assert.Contains("内容太长：5001 字，上限 5000 字", text);
                Assert.Contains("“150”不是 0–100 之间的整数", text);
                Assert.Contains("请发送以 http:// 或 https:// 开头的链接", text);
                Assert.Contains("请选择本季度进展状态", text);
                // The card again, with what was accepted kept.
                var again = (JObject)Assert.Single(((IMessageActivity)a).Attachments).Content;
                Assert.Equal("报审", (string)Input(again, "nextSteps")["value"]!);
                Assert.Null(Input(again, "status")["value"]);
            })
            .StartTestAsync();

        Assert.Empty(Reports.History(Task61));
    }

    [Fact]
    public async Task A_card_is_refused_when_the_sender_left_the_department_or_it_no_longer_leads_the_task()
    {
        var contact = AddWebChatContact();
        var card = await CardAfter("汇报 61");
        var answers = Submit(card, new() { ["status"] = "滞后", ["progress"] = "进展", ["problems"] = "无", ["nextSteps"] = "报审" });
        var otherTask = Bot.Get<IPlanRepository>().Tasks().First(t => !t.LeadDepartments.Contains(Department) && !t.SupportDepartments.Contains(Department));
        var forOtherTask = (JObject)((JObject)answers.Value).DeepClone();
        forOtherTask["task"] = otherTask.Number;

        await WebChat()
            .Send(Activity(forOtherTask)).Says($"第 {otherTask.Number} 项现在不由新疆银监局牵头", "卡片已失效")
            .StartTestAsync();
        Bot.Get<IContactRepository>().Save(contact with { Departments = ["科技厅"] });
        await WebChat()
            .Send(answers).Says("没有保存：您已不是新疆银监局的联络员")
            .StartTestAsync();

        Assert.Empty(Reports.History(Task61));
    }

    [Fact]
    public async Task A_card_of_another_task_than_the_one_in_progress_starts_that_task_and_keeps_the_draft()
    {
        AddWebChatContact();
        var other = Bot.Get<IPlanRepository>().Tasks().First(t => t.Number != 61 && t.LeadDepartments.Contains(Department)).Number;
        var card = await CardAfter("汇报 61");
        await WebChat().Send($"汇报 {other}").Says($"第 {other} 项").Send("1").Says("进展情况").StartTestAsync();

        await WebChat()
            .Send(Submit(card, new() { ["status"] = "已完成", ["progress"] = "完成", ["problems"] = "无", ["nextSteps"] = "无" })).Says("请核对第 61 项", "状态：已完成")
            .Send("确认").Says("已保存第 61 项")
            .Send($"汇报 {other}").Says($"继续第 {other} 项", "状态：已完成")
            .StartTestAsync();

        Assert.Single(Reports.History(Task61));
    }

    [Fact]
    public void A_template_without_an_input_for_every_answer_stops_the_host_naming_the_file()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, ReportCard.FileName);
        var template = JObject.Parse(File.ReadAllText(ReportCard.DefaultPath));
        ((JArray)template["body"]!).Where(e => (string?)e["id"] == "percent").Single().Remove();
        File.WriteAllText(path, template.ToString());
        var report = Bot.Get<DialogEngine>().Definition(ReportConversation.DialogId);

        var problem = Assert.Throws<InvalidDataException>(() => ReportCard.Load(path, report, Bot.Get<MessageCatalog>()));

        Assert.Contains(path, problem.Message);
        Assert.Contains("no input for: percent", problem.Message);
    }

    private Contact AddWebChatContact()
    {
        var contact = Bot.AddContact("user1", Department);
        contact = contact with { Address = contact.Address with { ChannelId = "webchat" } };
        Bot.Get<IContactRepository>().Save(contact);
        return contact;
    }

    private TestFlow WebChat()
    {
        var reference = TestAdapter.CreateConversation("conversation-user1", "user1", "bot");
        reference.ChannelId = "webchat";
        return new TestFlow(new TestAdapter(reference), Bot.Bot);
    }

    private async Task<JObject> CardAfter(string text)
    {
        JObject? card = null;
        await WebChat().Send(text).AssertReply(a => card = (JObject)Assert.Single(((IMessageActivity)a).Attachments, x => x.ContentType == ReportCard.ContentType).Content).StartTestAsync();
        return card!;
    }

    /// <summary>What Web Chat sends when the card's submit is tapped: the action's data and every input's value, changed by <paramref name="answers"/>.</summary>
    private static Activity Submit(JObject card, Dictionary<string, object> answers)
    {
        var value = (JObject)card.Descendants().OfType<JObject>().Single(o => (string?)o["type"] == "Action.Submit")["data"]!.DeepClone();
        foreach (var input in Inputs(card)) value[(string)input["id"]!] = input["value"]?.DeepClone() ?? "";
        foreach (var (name, answer) in answers) value[name] = JToken.FromObject(answer);
        return Activity(value);
    }

    private static Activity Activity(JObject value) => new() { Type = ActivityTypes.Message, Value = value };

    private static IEnumerable<JObject> Inputs(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static JObject Input(JObject card, string id) => Inputs(card).Single(i => (string)i["id"]! == id);
}
