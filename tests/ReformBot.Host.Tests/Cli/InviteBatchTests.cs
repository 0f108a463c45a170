using ReformBot.Core.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>Invites for many departments at once, in chat and on the command line.</summary>
public sealed class InviteBatchTests : BotTest
{
    [Fact]
    public async Task Many_departments_or_all_missing_ones_get_one_code_each_and_an_unknown_name_gets_none()
    {
        Bot.AddOfficeMember("office");
        Bot.AddContact("tech", "科技厅");
        var invites = Bot.Get<IInviteRepository>();

        await Bot.Conversation("office")
            .Send("邀请 科技厅 财政厅、发改委").Says("已为 3 个部门各生成一个一次性邀请码", "· 科技厅：", "· 财政厅：", "· 发改委：")
            .Send("邀请 财政厅 科技部").Says("没有找到部门“科技部”")
            .StartTestAsync();
        Assert.Equal(3, invites.Count());

        await Bot.Conversation("office").Send("邀请 全部未注册").AssertReply(a =>
        {
            var text = ((Microsoft.Bot.Schema.IMessageActivity)a).Text;
            Assert.Contains("· 财政厅：", text);
            Assert.DoesNotContain("· 科技厅：", text);
        }).StartTestAsync();
        var missing = Bot.Get<ReformBot.Host.Contacts.InviteBatch>().MissingDepartments();
        Assert.Equal(3 + missing.Count, invites.Count());
        Assert.DoesNotContain("科技厅", missing);
    }
}
