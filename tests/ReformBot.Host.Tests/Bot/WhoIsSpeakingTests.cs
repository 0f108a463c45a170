using Microsoft.Bot.Builder.Adapters;
using ReformBot.Core.Contacts;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>
/// Who is speaking: a draft is its author's alone, a report is stored only for a department the
/// sender belongs to when confirming, and group chats neither show nor take a department's data.
/// </summary>
public sealed class WhoIsSpeakingTests : BotTest
{
    [Fact]
    public async Task In_a_group_the_bot_ignores_chatter_and_answers_when_mentioned_with_the_mention_removed()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Group("user1")
            .Send("大家好，今天下午开会").AssertNoReply()
            .Send("帮助").AssertNoReply()
            .Send(BotHarness.Mentioning("帮助")).Says("可用命令")
            .Send(BotHarness.Mentioning("任务 61", "@ReformBot")).Says("第 61 项：建立与之相适应的监管制度")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("汇报", "汇报")]
    [InlineData("汇报 61", "汇报")]
    [InlineData("我的任务", "我的任务")]
    [InlineData("周报 新疆银监局", "周报")]
    [InlineData("/report", "汇报")]
    public async Task In_a_group_commands_that_write_or_show_a_departments_data_point_to_the_one_to_one_chat(string command, string word)
    {
        Bot.AddContact("user1", "新疆银监局");

        await Group("user1").Send(BotHarness.Mentioning(command)).Says($"请在与机器人的一对一对话中使用“{word}”").StartTestAsync();

        Assert.Null(await DraftOf("group-1"));
    }

    [Fact]
    public async Task Two_people_in_one_conversation_each_speak_for_themselves_and_only_the_author_answers_a_draft()
    {
        Bot.AddContact("user1", "新疆银监局");
        Bot.AddContact("user2", "科技厅");

        await Shared("user1").Send("汇报 61").Says("第 61 项（新疆银监局牵头").Send("滞后").Says("进展情况").StartTestAsync();
        // The other person's messages are theirs: not answers to user1's questions.
        await Shared("user2")
            .Send("确认").Says("没有理解")
            .Send("我的任务").Says("科技厅")
            .StartTestAsync();
        await Shared("user1")
            .Send("调研完成").Says("存在问题")
            .Send("无").Says("下一步").Send("继续").Says("百分比").Send("无").Says("链接").Send("无").Says("请核对", "进展情况：调研完成")
            .StartTestAsync();
        await Shared("user2").Send("确认").Says("没有理解").StartTestAsync();
        Assert.Empty(Reports.ForPeriod(Q4));

        await Shared("user1").Send("确认").Says("已保存第 61 项").StartTestAsync();
        Assert.Equal("contact-user1", Assert.Single(Reports.ForPeriod(Q4)).SubmittedBy);
    }

    [Fact]
    public async Task A_contact_removed_from_the_department_before_confirming_stores_nothing()
    {
        var contact = Bot.AddContact("user1", "新疆银监局");
        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项").Send("1").Says("进展情况").Send("已完成").Says("存在问题")
            .Send("无").Says("下一步").Send("巩固").Says("百分比").Send("100").Says("链接").Send("无").Says("请核对")
            .StartTestAsync();

        Bot.Get<IContactRepository>().Save(contact with { Departments = ["科技厅"] });

        await Bot.Conversation()
            .Send("确认").Says("没有保存", "您已不是新疆银监局的联络员")
            .Send("确认").Says("没有理解")
            .StartTestAsync();
        Assert.Empty(Reports.History(new ReportKey(61, "新疆银监局", Q4)));
    }

    private TestFlow Group(string userId) => Bot.Conversation(userId, "group-1", isGroup: true);

    private TestFlow Shared(string userId) => Bot.Conversation(userId, "shared-1", isGroup: false);

    private async Task<object?> DraftOf(string conversationId)
    {
        var storage = Bot.Get<Microsoft.Bot.Builder.IStorage>();
        var key = $"test/conversations/{conversationId}";
        var items = await storage.ReadAsync([key]);
        return items.TryGetValue(key, out var state) && state?.ToString()?.Contains("Draft\":{", StringComparison.Ordinal) == true ? state : null;
    }
}
