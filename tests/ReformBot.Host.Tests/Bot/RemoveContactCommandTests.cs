using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Downloads;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>联络员 and 移除联络员 (office): staff change, and the contact list follows.</summary>
public sealed class RemoveContactCommandTests : BotTest
{
    [Fact]
    public async Task A_contact_taken_out_of_a_department_gets_no_reminders_for_it_and_loses_its_download_links()
    {
        Bot.AddOfficeMember("office");
        var li = Bot.AddContact("li", "科技厅", "财政厅");
        var url = Bot.Get<DownloadService>().Create(li, Q4, ["科技厅"]).Url;
        var token = url[(url.LastIndexOf('/') + 1)..];
        Assert.NotNull(Bot.Get<DownloadService>().Find(token));

        await Bot.Conversation("office")
            .Send("联络员").Says($"联络员li（编号 {li.ShortId}，", "【科技厅】1 人")
            .Send("移除联络员 联络员li 科技厅").Says("已将联络员li移出科技厅", "仍属于：财政厅")
            .StartTestAsync();

        Assert.Equal(["财政厅"], Bot.Get<IContactRepository>().Find(li.Id)!.Departments);
        Assert.Null(Bot.Get<DownloadService>().Find(token));
        Assert.DoesNotContain(Bot.Get<IContactRepository>().All(), c => c.ReportsFor("科技厅"));

        await Bot.Conversation("office").Send("移除联络员 联络员li").Says("已移除联络员联络员li").StartTestAsync();
        Assert.Null(Bot.Get<IContactRepository>().Find(li.Id));
        await Bot.Conversation("li").Send("汇报").Says("还没有注册").StartTestAsync();
    }

    [Fact]
    public async Task Removal_refuses_unknown_ambiguous_and_self_and_everyone_but_the_office()
    {
        Bot.AddOfficeMember("office");
        var a = Bot.AddContact("a", "科技厅");
        var b = Bot.AddContact("b", "财政厅");
        Bot.Get<IContactRepository>().Update(b.Id, c => c with { Name = a.Name });

        await Bot.Conversation("office")
            .Send("移除联络员").Says("用法：移除联络员 <名字或编号> [部门]")
            .Send("移除联络员 张三").Says("没有找到联络员“张三”")
            .Send("移除联络员 联络员a").Says("有 2 位联络员符合", a.ShortId, b.ShortId)
            .Send("移除联络员 contact-a 教育厅").Says("联络员a不是教育厅的联络员（所属：科技厅）")
            .Send("移除联络员 联络员a 科学技术院").Says("没有找到部门")
            .Send("移除联络员 contact-office").Says("不能移除您自己")
            .StartTestAsync();
        await Bot.Conversation("a").Send("移除联络员 联络员a").Says("仅限协调办公室使用").StartTestAsync();
        Assert.Equal(3, Bot.Get<IContactRepository>().All().Count);

        // The department tells two of one name apart.
        await Bot.Conversation("office").Send("移除联络员 联络员a 财政厅").Says("已移除联络员联络员a").StartTestAsync();
        Assert.Null(Bot.Get<IContactRepository>().Find(b.Id));
        Assert.NotNull(Bot.Get<IContactRepository>().Find(a.Id));
    }
}
