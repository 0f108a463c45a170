using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>邀请码 and 作废: the office lists the open invite codes and revokes one; a revoked code no longer registers anyone.</summary>
public sealed partial class InviteCodesCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        _bot = BotHarness.Create(_dir.DatabasePath, configure: services => services.AddSingleton<IStorage, MemoryStorage>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    [GeneratedRegex(@"· ([0-9a-f]{6}) ")]
    private static partial Regex ShortIdInLine();

    [GeneratedRegex(@"：([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2})")]
    private static partial Regex CodeInLine();

    private IInviteRepository Invites => _bot.Get<IInviteRepository>();

    /// <summary>The office's reply to one message.</summary>
    private async Task<string> Ask(string userId, string text)
    {
        var reply = "";
        await _bot.Conversation(userId).Send(text).AssertReply(a => reply = ((IMessageActivity)a).Text).StartTestAsync();
        return reply;
    }

    [Fact]
    public async Task The_office_lists_open_codes_revokes_one_by_its_id_and_the_revoked_code_cannot_register()
    {
        _bot.AddOfficeMember("office");
        var batch = await Ask("office", "邀请 科技厅 财政厅");
        var codes = CodeInLine().Matches(batch).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, codes.Count);
        // One more made on the command line, and one already used: neither is made in chat by the office.
        var byCli = InviteCode.Display(_bot.Get<RegistrationService>().InviteOfficeMember().Code);
        var used = InviteCode.Display(_bot.Get<RegistrationService>().InviteDepartment("发改委").Invite!.Code);
        await _bot.Conversation("zhao").Send($"注册 {used}").Says("注册成功").StartTestAsync();

        var list = await Ask("office", "邀请码");
        Assert.Contains("可用的邀请码 3 个（邀请码本身不再显示，以编号区分）", list);
        Assert.Matches(@"· [0-9a-f]{6} 科技厅：联络员office 于 \d{4}-\d\d-\d\d \d\d:\d\d 生成，\d{4}-\d\d-\d\d \d\d:\d\d 过期", list);
        Assert.Contains("财政厅：联络员office 于 ", list);
        Assert.Contains("协调办公室成员：命令行 于 ", list);
        Assert.DoesNotContain("发改委", list);
        foreach (var code in codes.Append(byCli)) Assert.DoesNotContain(code, list);
        Assert.Contains("作废 <编号>", list);

        var czt = Invites.All().Single(i => i.Department == "财政厅");
        Assert.Contains($"· {czt.ShortId} 财政厅：", list);
        var revoked = await Ask("office", $"作废 {czt.ShortId.ToUpperInvariant()}");
        Assert.Contains($"已作废邀请码 {czt.ShortId}（财政厅，", revoked);
        Assert.Contains("不能再用于注册", revoked);
        Assert.Equal("contact-office", Invites.All().Single(i => i.Id == czt.Id).RevokedBy);

        // The department's contact tries the revoked code: refused, and not registered.
        await _bot.Conversation("li").Send($"注册 {codes[1]}").Says($"邀请码“{codes[1]}”已被协调办公室作废").StartTestAsync();
        Assert.Null(_bot.Get<IContactRepository>().FindByUser("test", "li"));

        var after = await Ask("office", "邀请码");
        Assert.Contains("可用的邀请码 2 个", after);
        Assert.DoesNotContain("财政厅", after);
        Assert.Equal(2, ShortIdInLine().Matches(after).Count);

        // Revoking again, or the used code, says why nothing changed.
        Assert.Matches($@"^邀请码 {czt.ShortId}（财政厅）已于 \d{{4}}-\d\d-\d\d \d\d:\d\d 作废。$", await Ask("office", $"作废 {czt.ShortId}"));
        Assert.Contains("被 zhao 用于注册，不能作废", await Ask("office", $"作废 {used}"));
    }

    [Fact]
    public async Task A_full_code_as_typed_revokes_it_too()
    {
        _bot.AddOfficeMember("office");
        var code = InviteCode.Display(_bot.Get<RegistrationService>().InviteDepartment("科技厅").Invite!.Code);

        Assert.Contains("已作废邀请码", await Ask("office", $"作废 {code.ToLowerInvariant().Replace("-", "")}"));

        Assert.Empty(_bot.Get<InviteCodes>().Open());
        Assert.Contains("目前没有可用的邀请码", await Ask("office", "/invites"));
        await _bot.Conversation("wang").Send($"注册 {code}").Says("已被协调办公室作废").StartTestAsync();
    }

    [Theory]
    [InlineData("作废 ffffff", "没有找到编号或邀请码“ffffff”，没有作废任何邀请码")]
    [InlineData("作废 K7QM-XW3P-9T", "没有找到编号或邀请码“K7QM-XW3P-9T”")]
    [InlineData("作废 科技厅", "没有找到编号或邀请码“科技厅”")]
    [InlineData("作废 ab", "没有找到编号或邀请码“ab”")]
    [InlineData("作废", "用法：作废 <编号或邀请码>")]
    public async Task An_unknown_id_is_refused_and_nothing_changes(string utterance, string reply)
    {
        _bot.AddOfficeMember("office");
        _bot.Get<RegistrationService>().InviteDepartment("科技厅");
        var before = Invites.All();

        Assert.Contains(reply, await Ask("office", utterance));

        Assert.Equal(before, Invites.All());
        Assert.Single(_bot.Get<InviteCodes>().Open());
    }

    [Fact]
    public async Task An_expired_code_is_not_listed_and_needs_no_revoking()
    {
        _bot.AddOfficeMember("office");
        var invite = _bot.Get<RegistrationService>().InviteDepartment("科技厅").Invite!;
        _bot.Time.Advance(TimeSpan.FromDays(8));

        Assert.Contains("目前没有可用的邀请码", await Ask("office", "邀请码"));
        Assert.Contains("过期，不能再用于注册，无需作废", await Ask("office", $"作废 {InviteCode.Display(invite.Code)}"));
        Assert.Null(Invites.All().Single().RevokedAt);
    }

    [Theory]
    [InlineData("邀请码", "邀请码")]
    [InlineData("/invites", "邀请码")]
    [InlineData("作废 abcdef", "作废 <编号或邀请码>")]
    [InlineData("/revokeinvite abcdef", "作废 <编号或邀请码>")]
    public async Task Contacts_and_strangers_are_refused_and_nothing_changes(string utterance, string usage)
    {
        _bot.AddContact("wang", "科技厅");
        var invite = _bot.Get<RegistrationService>().InviteDepartment("科技厅").Invite!;
        var id = Invites.All().Single().ShortId;

        foreach (var who in new[] { "wang", "stranger" })
        {
            var reply = await Ask(who, utterance.Replace("abcdef", id));
            Assert.Contains($"“{usage}”仅限协调办公室使用", reply);
            Assert.DoesNotContain(id, reply);
        }

        Assert.Equal(InviteState.Usable, Invites.Find(invite.Code)!.StateAt(_bot.Time.GetUtcNow()));
    }
}
