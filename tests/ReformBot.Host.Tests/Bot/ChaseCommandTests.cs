using ReformBot.Core.Contacts;
using ReformBot.Core.Reminders;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Periods;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Tests.Proactive;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>提醒 and 催办 (office): answered at once, sent in the background, summed up to the office afterwards.</summary>
public sealed class ChaseCommandTests : ChannelBotTest
{
    [Fact]
    public async Task 提醒_answers_at_once_lists_departments_without_contacts_and_sends_a_summary_when_done()
    {
        Office("office");
        Contact("bank", "王伟", "新疆银监局");

        await Bot.Conversation("office")
            .Send("提醒").Says("正在提醒 1 位联络员", "尚无联络员", "财政厅")
            .StartTestAsync();
        var summary = await Next("conversation-office");
        Assert.Contains("提醒完成：已送达 1 位（王伟）", summary);
        var reminder = Assert.Single(Channel.HitsOf("conversation-bank")).Text!;
        Assert.Contains("新疆银监局：还有 2 项牵头任务未汇报（第 59、61 项）", reminder);

        await Bot.Conversation("office").Send("提醒").Says("正在提醒 1 位联络员").StartTestAsync();
        Assert.Contains("1 位今天已提醒过", await Next("conversation-office", count: 2));
        Assert.Single(Channel.HitsOf("conversation-bank"));
    }

    [Fact]
    public async Task A_reminder_of_unknown_outcome_is_summed_up_as_unknown_not_as_already_sent()
    {
        Office("office");
        var bank = Contact("bank", "王伟", "新疆银监局");
        // Today's 提醒 to bank was on the wire when the host was killed.
        var log = Bot.Get<IReminderLog>();
        var key = new ReminderKey(Bot.Get<ReportingPeriods>().Current(), bank.Id, Bot.Get<ReminderRun>().ManualKind());
        Assert.True(log.TryClaim(key, Bot.Time.GetUtcNow()));
        log.MarkFailed(key, Bot.Time.GetUtcNow(), SendOnce.UnknownOutcome);

        await Bot.Conversation("office").Send("提醒").Says("正在提醒 1 位联络员").StartTestAsync();

        var summary = await Next("conversation-office");
        Assert.Contains("因服务中断发送结果未知 1 位（王伟）", summary);
        Assert.DoesNotContain("今天已提醒过", summary);
        Assert.Empty(Channel.HitsOf("conversation-bank"));
    }

    [Fact]
    public async Task Two_office_members_starting_提醒_at_once_both_get_an_answer_and_each_contact_one_reminder()
    {
        Office("office1");
        Office("office2");
        Contact("bank", "王伟", "新疆银监局");
        Contact("tech", "李娜", "科技厅");

        var first = Bot.Conversation("office1").Send("提醒").Says("正在提醒 2 位联络员").StartTestAsync();
        var second = Bot.Conversation("office2").Send("提醒").Says("正在提醒 2 位联络员").StartTestAsync();
        await Task.WhenAll(first, second);

        var summaries = new[] { await Next("conversation-office1"), await Next("conversation-office2") };
        Assert.Single(Channel.HitsOf("conversation-bank"));
        Assert.Single(Channel.HitsOf("conversation-tech"));
        // Between them the two runs delivered each reminder once.
        Assert.Equal(2, summaries.Sum(s => s.Contains("已送达 2 位") ? 2 : s.Contains("已送达 1 位") ? 1 : 0));
        Assert.Equal(2, Bot.Get<IChaseRepository>().ForPeriod(Q4).Count);
    }

    [Fact]
    public async Task 催办_reminds_one_department_with_the_note_and_records_who_when_to_whom()
    {
        var office = Office("office");
        Contact("tech1", "李娜", "科技厅");
        Contact("tech2", "赵强", "科技厅");
        Contact("bank", "王伟", "新疆银监局");

        await Bot.Conversation("office")
            .Send("催办 科学技术厅 请于本周五前完成汇报").Says("正在催办科技厅的 2 位联络员：李娜、赵强")
            .StartTestAsync();

        var summary = await Next("conversation-office");
        Assert.Contains("催办科技厅完成：已送达 2 位（李娜、赵强）", summary);
        var message = Assert.Single(Channel.HitsOf("conversation-tech1")).Text!;
        Assert.Contains("【催办】", message);
        Assert.Contains("附言：请于本周五前完成汇报", message);
        Assert.Contains("科技厅：还有", message);
        Assert.Single(Channel.HitsOf("conversation-tech2"));
        Assert.Empty(Channel.HitsOf("conversation-bank"));

        var chase = Assert.Single(Bot.Get<IChaseRepository>().ForPeriod(Q4));
        Assert.Equal((ChaseScope.Department, "科技厅", "请于本周五前完成汇报", office.Id), (chase.Scope, Assert.Single(chase.Departments), chase.Note, chase.RequestedBy));
        Assert.Equal(Bot.Time.GetUtcNow(), chase.RequestedAt);
        Assert.Equal(["contact-tech1:Delivered", "contact-tech2:Delivered"], chase.Recipients.Select(r => $"{r.ContactId}:{r.Outcome}").Order());
        Assert.NotNull(chase.FinishedAt);

        // A second 催办 the same day goes out too: each chase is its own.
        await Bot.Conversation("office").Send("催办 科技厅").Says("正在催办科技厅的 2 位联络员").StartTestAsync();
        await Next("conversation-office", count: 2);
        Assert.Equal(2, Channel.HitsOf("conversation-tech1").Count);
        Assert.DoesNotContain("附言", Channel.HitsOf("conversation-tech1")[1].Text);
    }

    [Fact]
    public async Task 催办_a_department_without_contacts_says_so_plainly_and_is_still_recorded()
    {
        Office("office");

        await Bot.Conversation("office").Send("催办 财政厅 尽快").Says("财政厅尚无联络员，无法催办", "邀请 财政厅").StartTestAsync();

        var chase = Assert.Single(Bot.Get<IChaseRepository>().ForPeriod(Q4));
        Assert.Empty(chase.Recipients);
        Assert.Equal("尽快", chase.Note);
        Assert.Empty(Channel.Hits);
    }

    [Fact]
    public async Task 催办_lists_a_contact_who_cannot_be_reached_in_the_answer_or_in_the_summary()
    {
        Office("office");
        Contact("ok", "李娜", "科技厅");
        Contact("gone", "赵强", "科技厅");
        Bot.Get<IContactRepository>().Save(Contact("old", "孙丽", "科技厅") with { Unreachable = true });
        Channel.Script("conversation-gone", Answer.Fail(404));

        await Bot.Conversation("office")
            .Send("催办 科技厅").Says("正在催办科技厅的 2 位联络员：", "李娜", "赵强", "无法送达", "孙丽")
            .StartTestAsync();

        var summary = await Next("conversation-office");
        Assert.Contains("已送达 1 位（李娜）", summary);
        Assert.Contains("无法送达 2 位（", summary);
        Assert.Contains("孙丽", summary);
        Assert.Contains("赵强", summary);
        Assert.Empty(Channel.HitsOf("conversation-old"));
        Assert.True(Bot.Get<IContactRepository>().Find("contact-gone")!.Unreachable);
    }

    [Fact]
    public async Task 催办_refuses_bad_input_and_everyone_but_the_office()
    {
        Office("office");
        Contact("tech", "李娜", "科技厅");

        await Bot.Conversation("office")
            .Send("催办").Says("用法：催办 <部门> [附言]")
            .Send("催办 科技部 快").Says("没有找到部门“科技部”", "科技厅")
            .StartTestAsync();
        await Bot.Conversation("tech").Send("催办 科技厅").Says("仅限协调办公室使用").StartTestAsync();
        await Bot.Conversation("tech").Send("提醒").Says("仅限协调办公室使用").StartTestAsync();
        Assert.Empty(Bot.Get<IChaseRepository>().ForPeriod(Q4));
        Assert.Empty(Channel.Hits);
    }

    private Contact Office(string userId) => SaveContact(userId, $"办公室{userId}", isOffice: true);

    private Contact Contact(string userId, string name, params string[] departments) => SaveContact(userId, name, isOffice: false, departments);
}
