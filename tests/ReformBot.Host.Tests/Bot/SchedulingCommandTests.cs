using Microsoft.Bot.Schema;
using ReformBot.Core.Contacts;
using ReformBot.Core.Reminders;
using ReformBot.Core.Storage;
using ReformBot.Host.Periods;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>订阅/退订, 周期, 提醒 and 周报 through the SDK's TestAdapter.</summary>
public sealed class SchedulingCommandTests : BotTest
{
    [Fact]
    public async Task Subscribe_and_unsubscribe_the_weekly_digest()
    {
        Bot.AddContact("user1", "科技厅");

        await Bot.Conversation()
            .Send("订阅").Says("已订阅每周周报")
            .Send("/subscribe").Says("已经订阅")
            .Send("退订").Says("已退订")
            .Send("退订").Says("没有订阅")
            .StartTestAsync();
        await Bot.Conversation("stranger").Send("订阅").Says("还没有注册").StartTestAsync();

        Assert.False(Bot.Get<IContactRepository>().Find("contact-user1")!.DigestSubscribed);
    }

    [Fact]
    public async Task The_office_sees_and_overrides_the_period()
    {
        Bot.AddOfficeMember("office");
        Bot.AddContact("user1", "科技厅");

        await Bot.Conversation("office")
            .Send("周期").Says("当前汇报周期：2026年第4季度", "截止日期：2027年1月10日", "2026年12月17日：开始填报通知", "向协调办公室报告未报部门")
            .Send("周期 2026Q3").Says("已将汇报周期指定为2026年第3季度")
            .Send("/period").Says("当前汇报周期：2026年第3季度（由协调办公室指定；按日历应为2026年第4季度）")
            .Send("周期 2026Q5").Says("“2026Q5”不是有效的季度").Says("用法")
            .Send("周期 自动").Says("已恢复按日历确定汇报周期：2026年第4季度")
            .StartTestAsync();
        await Bot.Conversation().Send("周期").Says("仅限协调办公室使用").StartTestAsync();
    }

    [Fact]
    public async Task The_office_reminds_everyone_pending_once_a_day()
    {
        await using var channel = await FakeChannel.StartAsync();
        Bot.Get<IContactRepository>().Save(Bot.AddOfficeMember("office") with
        {
            Address = new ConversationAddress("test", channel.ServiceUrl, "office-chat", "office", null, "bot"),
        });
        Bot.Get<IContactRepository>().Save(new Contact("bank", "王伟", ["新疆银监局"], false,
            new ConversationAddress("emulator", channel.ServiceUrl, "bank-chat", "bank-user", null, "bot"), Bot.Time.GetUtcNow()));

        await Bot.Conversation("office").Send("提醒").Says("正在提醒 1 位联络员").StartTestAsync();
        await WaitFor(channel, "office-chat", 1);
        await Bot.Conversation("office").Send("提醒").Says("正在提醒 1 位联络员").StartTestAsync();
        await WaitFor(channel, "office-chat", 2);

        Assert.Contains("已送达 1 位（王伟）", channel.Activities.Where(a => a.ConversationId == "office-chat").First().Text);
        Assert.Contains("1 位今天已提醒过", channel.Activities.Where(a => a.ConversationId == "office-chat").Last().Text);
        var reminder = Assert.Single(channel.Activities, a => a.ConversationId == "bank-chat");
        Assert.Equal("bank-chat", reminder.ConversationId);
        Assert.Contains("协调办公室提醒您", reminder.Text);
        Assert.Contains("新疆银监局：还有 2 项牵头任务未汇报（第 59、61 项）", reminder.Text);
    }

    [Fact]
    public async Task The_digest_on_demand_shows_the_office_everything_and_a_contact_their_departments()
    {
        Bot.AddOfficeMember("office");
        Bot.AddContact("user1", "新疆银监局");

        await Bot.Conversation("office")
            .Send("周报").Says("2026年第4季度进展周报", "应报", "各部门")
            .StartTestAsync();
        await Bot.Conversation()
            .Send("周报").AssertReply(a =>
            {
                var text = ((IMessageActivity)a).Text;
                Assert.Contains("应报 2 项，已报 0 项", text);
                Assert.Contains("新疆银监局", text);
                Assert.DoesNotContain("科技厅", text);
                // 催办 is the office's: a contact is not pointed to it.
                Assert.DoesNotContain("催办", text);
            })
            .StartTestAsync();
        await Bot.Conversation().Send("周报 科技厅").Says("只能查看本部门（新疆银监局）的周报").StartTestAsync();
        await Bot.Conversation().Send("周报 2026Q5").Says("没有找到部门或季度“2026Q5”").StartTestAsync();
    }

    private static async Task WaitFor(FakeChannel channel, string conversationId, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (channel.Activities.Count(a => a.ConversationId == conversationId) < count)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail($"No message {count} to {conversationId} within 10 s.");
            await Task.Delay(20);
        }
    }
}
