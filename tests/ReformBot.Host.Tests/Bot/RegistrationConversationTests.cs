using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Cli;
using ReformBot.Host.Contacts;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>注册, 邀请 and 联络员: whole conversations through the SDK's TestAdapter, driving the bot as the host composes it.</summary>
public sealed partial class RegistrationConversationTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        // Bot state in memory: these conversations are about contacts, which live in the store either way.
        _bot = BotHarness.Create(_dir.DatabasePath, configure: services => services.AddSingleton<IStorage, MemoryStorage>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    [GeneratedRegex(@"注册 ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2})")]
    private static partial Regex CodeInReply();

    private IContactRepository Contacts => _bot.Get<IContactRepository>();

    [Fact]
    public async Task The_office_invites_a_department_contact_who_registers_once_and_is_listed()
    {
        // The first office member: admin-invite on the command line (as the host runs it), then 注册 in chat.
        var adminCode = (string)Cli("admin-invite", "--json").RootElement.GetProperty("code").GetString()!;
        await _bot.Conversation("office").Send($"注册 {adminCode.ToLowerInvariant().Replace("-", "")}")
            .Says("注册成功", "您现在是协调办公室成员", "邀请 <部门>", "联络员")
            .StartTestAsync();
        Assert.True(Contacts.FindByUser("test", "office")!.IsOffice);

        // The office invites 科技厅 by an alias and gets a code for the canonical department.
        var code = "";
        await _bot.Conversation("office").Send("邀请 科学技术厅")
            .AssertReply(reply =>
            {
                var text = ((IMessageActivity)reply).Text;
                Assert.Contains("已为科技厅生成一次性邀请码", text);
                Assert.Contains("只能使用一次", text);
                code = CodeInReply().Match(text).Groups[1].Value;
            })
            .StartTestAsync();
        Assert.NotEqual("", code);

        // A contact registers with it and is told what to do next.
        await _bot.Conversation("wang").Send($"注册 {code}")
            .Says("注册成功", "您现在是科技厅的联络员", "发送“汇报”")
            .StartTestAsync();

        // The office sees them under 科技厅.
        await _bot.Conversation("office").Send("联络员")
            .Says("已注册 2 人", "【协调办公室】1 人", "【科技厅】1 人", "· wang（编号 ", "，test，", "尚无联络员的牵头部门")
            .StartTestAsync();

        // The code is spent.
        await _bot.Conversation("li").Send($"注册 {code}").Says($"邀请码“{code}”已经被使用过").StartTestAsync();
        Assert.Null(Contacts.FindByUser("test", "li"));
        Assert.Equal(["科技厅"], Contacts.FindByUser("test", "wang")!.Departments);
    }

    [Fact]
    public async Task Registration_keeps_what_is_needed_to_message_the_contact_later()
    {
        var code = InviteFor("科技厅");

        await _bot.Conversation("wang").Send($"注册 {code}").Says("注册成功").StartTestAsync();

        var contact = Contacts.FindByUser("test", "wang")!;
        Assert.Equal(new ConversationAddress("test", "https://test.com", "conversation-wang", "wang", null, "bot"), contact.Address);
        Assert.Equal("wang", contact.Name);
        Assert.True(Guid.TryParse(contact.Id, out _));
        Assert.Equal(_bot.Time.GetUtcNow(), contact.RegisteredAt);
        Assert.False(contact.Unreachable);
    }

    [Theory]
    [InlineData("注册 {0}")]
    [InlineData("/register {0}")]
    [InlineData("注册{0}")]
    [InlineData("注册 {1}")] // lower case
    [InlineData("注册 {2}")] // without dashes
    [InlineData("注册 {3}")] // full width, as a Chinese phone keyboard types it
    [InlineData("／ｒｅｇｉｓｔｅｒ　{3}")]
    public async Task A_code_is_accepted_however_it_is_typed(string utterance)
    {
        var code = InviteFor("科技厅");
        var fullWidth = string.Concat(code.Select(c => (char)(c + 0xFEE0)));

        await _bot.Conversation("wang").Send(string.Format(utterance, code, code.ToLowerInvariant(), code.Replace("-", ""), fullWidth))
            .Says("您现在是科技厅的联络员")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("注册", "请在“注册”后附上协调办公室发给您的邀请码")]
    [InlineData("/register", "请在“注册”后附上协调办公室发给您的邀请码")]
    [InlineData("注册 K7QM", "邀请码“K7QM”无效", "10 位字母和数字")]
    [InlineData("注册 我的邀请码", "邀请码“我的邀请码”无效")]
    [InlineData("注册 MMMM-MMMM-MM", "邀请码“MMMM-MMMM-MM”无效")] // well formed, but never issued
    public async Task A_missing_or_unknown_code_gets_a_specific_answer(string utterance, params string[] reply)
    {
        InviteFor("科技厅");

        await _bot.Conversation("wang").Send(utterance).Says(reply).StartTestAsync();

        Assert.Empty(Contacts.All());
    }

    [Fact]
    public async Task An_expired_code_is_refused_with_its_expiry()
    {
        var code = InviteFor("科技厅");
        _bot.Time.Advance(TimeSpan.FromDays(7));

        // Created 2026-12-20 10:00 in Shanghai, valid for the default 7 days.
        await _bot.Conversation("wang").Send($"注册 {code}")
            .Says($"邀请码“{code}”已于 2026-12-27 10:00 过期", "重新获取")
            .StartTestAsync();
        Assert.Empty(Contacts.All());
    }

    [Fact]
    public async Task A_second_departments_code_adds_it_and_the_same_department_twice_is_refused_without_spending_the_code()
    {
        var science = InviteFor("科技厅");
        var finance = InviteFor("财政厅");
        var scienceAgain = InviteFor("科技厅");

        await _bot.Conversation("wang")
            .Send($"注册 {science}").Says("您现在是科技厅的联络员")
            .Send($"注册 {finance}").Says("已加入财政厅。您现在是科技厅、财政厅的联络员")
            .Send($"注册 {scienceAgain}").Says("您已经是科技厅的联络员，无需再次注册")
            .Send($"注册 {science}").Says("您已经是科技厅的联络员") // one's own code again
            .StartTestAsync();
        // The refused code still works for someone else.
        await _bot.Conversation("li").Send($"注册 {scienceAgain}").Says("您现在是科技厅的联络员").StartTestAsync();

        var wang = Assert.Single(Contacts.All(), c => c.Address.UserId == "wang");
        Assert.Equal(["科技厅", "财政厅"], wang.Departments);
        Assert.True(wang.ReportsFor("财政厅"));
        Assert.Equal(2, Contacts.OfDepartment("科技厅").Count);
    }

    [Theory]
    [InlineData("邀请 科技厅", "邀请 <部门>")]
    [InlineData("/invite 科技厅", "邀请 <部门>")]
    [InlineData("邀请", "邀请 <部门>")]
    [InlineData("联络员", "联络员")]
    [InlineData("/contacts", "联络员")]
    public async Task Office_commands_are_refused_to_contacts_and_to_strangers(string utterance, string usage)
    {
        _bot.AddContact("wang", "科技厅");

        await _bot.Conversation("wang").Send(utterance).Says($"“{usage}”仅限协调办公室使用").StartTestAsync();
        await _bot.Conversation("stranger").Send(utterance).Says($"“{usage}”仅限协调办公室使用").StartTestAsync();

        Assert.Equal(0, _bot.Get<IInviteRepository>().Count());
    }

    [Theory]
    [InlineData("邀请", "请在“邀请”后写上部门名称")]
    [InlineData("邀请 科枝厅", "没有找到部门“科枝厅”", "您是不是要找：科技厅？")]
    [InlineData("邀请 财政", "您是不是要找：财政厅？")]
    [InlineData("邀请 动物园管理处", "没有找到部门“动物园管理处”", "请使用部门的简称、全称或常用别名")]
    public async Task An_office_invite_without_a_known_department_says_what_to_write(string utterance, params string[] reply)
    {
        _bot.AddOfficeMember("office");

        await _bot.Conversation("office").Send(utterance).Says(reply).StartTestAsync();

        Assert.Equal(0, _bot.Get<IInviteRepository>().Count());
    }

    [Theory]
    [InlineData("邀请 科技厅", "科技厅")]
    [InlineData("/invite 新疆维吾尔自治区科学技术厅", "科技厅")]
    [InlineData("邀请 中国银监会新疆监管局", "新疆银监局")]
    [InlineData("邀请 党委组织部", "自治区党委组织部")]
    public async Task The_office_invites_by_any_name_of_a_department(string utterance, string department)
    {
        _bot.AddOfficeMember("office");

        var code = "";
        await _bot.Conversation("office").Send(utterance)
            .AssertReply(reply =>
            {
                var text = ((IMessageActivity)reply).Text;
                Assert.Contains($"已为{department}生成一次性邀请码", text);
                Assert.Contains("有效期至 2026-12-27 10:00", text);
                code = CodeInReply().Match(text).Groups[1].Value.Replace("-", "");
            })
            .StartTestAsync();

        var invites = _bot.Get<IInviteRepository>();
        Assert.Equal(1, invites.Count());
        Assert.Equal(department, invites.Find(code)!.Department);
    }

    [Fact]
    public async Task An_office_code_redeemed_by_an_office_member_is_already_theirs()
    {
        _bot.AddOfficeMember("office");
        var code = InviteCode.Display(_bot.Get<RegistrationService>().InviteOfficeMember().Code);

        await _bot.Conversation("office").Send($"注册 {code}").Says("您已经是协调办公室成员").StartTestAsync();
    }

    [Fact]
    public async Task Registering_from_a_group_chat_is_refused()
    {
        var code = InviteFor("科技厅");
        var group = TestAdapter.CreateConversation("group-1", "wang", "bot");
        group.Conversation.IsGroup = true;

        await new TestFlow(new TestAdapter(group), _bot.Bot).Send(BotHarness.Mentioning($"注册 {code}")).Says("请在与机器人的一对一对话中注册").StartTestAsync();

        Assert.Empty(Contacts.All());
    }

    [Fact]
    public async Task Help_shows_the_office_commands_to_the_office_only()
    {
        _bot.AddOfficeMember("office");
        _bot.AddContact("wang", "科技厅");

        await _bot.Conversation("office").Send("帮助").Says("注册 <邀请码>（/register）", "邀请 <部门>（/invite）", "联络员（/contacts）").StartTestAsync();
        await _bot.Conversation("wang").Send("帮助")
            .AssertReply(reply =>
            {
                var text = ((IMessageActivity)reply).Text;
                Assert.Contains("注册 <邀请码>（/register）", text);
                Assert.DoesNotContain("/invite", text);
                Assert.DoesNotContain("/contacts", text);
            })
            .StartTestAsync();
    }

    /// <summary>A department's invite code as the office hands it out.</summary>
    private string InviteFor(string department) =>
        InviteCode.Display(_bot.Get<RegistrationService>().InviteDepartment(department).Invite!.Code);

    /// <summary>A command of the command-line tool run against the bot's own services, as the host's admin endpoint runs it.</summary>
    private System.Text.Json.JsonDocument Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CliApp.Parse(args, TestFiles.Messages).Invoke(new CliContext(output, error, _dir.Path, _bot.Services));
        Assert.Equal("", error.ToString());
        Assert.Equal(0, exitCode);
        return System.Text.Json.JsonDocument.Parse(output.ToString());
    }
}
