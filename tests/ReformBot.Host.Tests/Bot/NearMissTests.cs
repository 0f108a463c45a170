using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>A near miss of a command gets "您是不是要…" with the likely command as a button; other text does not.</summary>
public sealed class NearMissTests : BotTest
{
    [Theory]
    [InlineData("帮组", "帮助")]
    [InlineData("会报", "汇报")]
    [InlineData("会报 61", "汇报 61")]
    [InlineData("我要汇报", "汇报")]
    [InlineData("我要汇报第61项", "汇报 61")]
    [InlineData("汇报 第61项", "汇报 61")]
    [InlineData("汇报第61项", "汇报 61")]
    [InlineData("汇报 第 61 条 新疆银监局", "汇报 61 新疆银监局")]
    [InlineData("任务第５项", "任务 5")]
    [InlineData("我的任物", "我的任务")]
    [InlineData("查看我的任务", "我的任务")]
    public async Task A_near_miss_of_a_contact_suggests_the_command_with_a_button(string typed, string suggested)
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send(typed).AssertReply(a =>
            {
                Assert.Equal($"您是不是要“{suggested}”？点下面的按钮，或直接发送“{suggested}”。", ((IMessageActivity)a).Text);
                Assert.Equal([suggested], Buttons(a));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task The_suggested_command_works_when_tapped()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 第61项").Says("您是不是要“汇报 61”")
            .Send("汇报 61").Says("第 61 项", "请选择本季度进展状态")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("今天天气很好")]
    [InlineData("好")]
    [InlineData("我们下午开会讨论一下汇报材料的格式")]
    [InlineData("催半 科技厅")]
    [InlineData("邀情")]
    public async Task Other_text_and_commands_the_contact_may_not_use_get_the_generic_answer(string typed)
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation().Send(typed).Says("没有理解您的意思").StartTestAsync();
    }

    [Theory]
    [InlineData("我要汇报")]
    [InlineData("会报")]
    [InlineData("汇报 第61项")]
    public async Task Someone_not_registered_is_not_offered_the_commands_of_contacts(string typed)
    {
        await Bot.Conversation().Send(typed).AssertReply(a => Assert.DoesNotContain("您是不是要", ((IMessageActivity)a).Text)).StartTestAsync();
    }

    [Fact]
    public async Task Someone_not_registered_is_offered_what_they_may_use()
    {
        await Bot.Conversation().Send("帮组").Says("您是不是要“帮助”").StartTestAsync();
    }

    [Fact]
    public async Task The_office_is_offered_its_own_commands()
    {
        Bot.AddOfficeMember("office1");

        await Bot.Conversation("office1").Send("催半 科技厅").Says("您是不是要“催办 科技厅”").StartTestAsync();
    }

    [Fact]
    public async Task In_the_middle_of_a_report_a_near_miss_is_an_answer()
    {
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation()
            .Send("汇报 61").Says("第 61 项")
            .Send("2").Says("进展情况")
            .Send("我要汇报").Says("存在问题")
            .Send("会报").Says("下一步")
            .Send("汇报 第61项").Says("百分比")
            .Send("无").Says("链接")
            .Send("无").Says("进展情况：我要汇报", "存在问题：会报", "下一步工作思路：汇报 第61项")
            .StartTestAsync();
    }

    private static IReadOnlyList<string> Buttons(IActivity activity) =>
        ((IMessageActivity)activity).SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];
}
