using System.Text.Json;
using System.Text.RegularExpressions;
using ReformBot.Core.Contacts;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>`invite` and `admin-invite` on a database file.</summary>
public sealed partial class InviteCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public InviteCommandTests() => TemplateDatabase.CopyTo(_dir.DatabasePath);

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$")]
    private static partial Regex DisplayedCode();

    [Fact]
    public void Invite_all_missing_json_prints_an_array_of_single_invite_objects_and_several_names_too()
    {
        using (var store = new TestStore(_dir.DatabasePath))
            store.Contacts.Save(new Contact("c1", "李娜", ["科技厅"], false,
                new ConversationAddress("webchat", "http://localhost/", "conv-1", "user-1", null, "bot"), DateTimeOffset.UtcNow));

        var run = CliRun.Of("invite", "--all-missing", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var invites = json.RootElement.EnumerateArray().ToList();
        Assert.True(invites.Count > 20);
        Assert.All(invites, i => Assert.Equal(["code", "department", "expiresAt"], i.EnumerateObject().Select(p => p.Name)));
        Assert.All(invites, i => Assert.Matches(DisplayedCode(), i.GetProperty("code").GetString()));
        Assert.DoesNotContain(invites, i => i.GetProperty("department").GetString() == "科技厅");
        Assert.Contains(invites, i => i.GetProperty("department").GetString() == "财政厅");

        var two = CliRun.Of("invite", "财政厅", "发改委", "--json", "--db", _dir.DatabasePath);
        using var twoJson = JsonDocument.Parse(two.Output);
        Assert.Equal(["财政厅", "发改委"], twoJson.RootElement.EnumerateArray().Select(i => i.GetProperty("department").GetString()));

        var unknown = CliRun.Of("invite", "财政厅", "科技部", "--db", _dir.DatabasePath);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("科技部", unknown.Error);
    }

    [Theory]
    [InlineData("科技厅", "科技厅")]
    [InlineData("科学技术厅", "科技厅")]
    [InlineData("中国银监会新疆监管局", "新疆银监局")]
    public void Invite_json_prints_one_object_with_the_code_the_canonical_department_and_the_expiry(string name, string canonical)
    {
        var before = DateTimeOffset.UtcNow;

        var run = CliRun.Of("invite", name, "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var invite = json.RootElement;
        Assert.Equal(["code", "department", "expiresAt"], invite.EnumerateObject().Select(p => p.Name));
        Assert.Matches(DisplayedCode(), invite.GetProperty("code").GetString());
        Assert.Equal(canonical, invite.GetProperty("department").GetString());
        var expiresAt = invite.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(8), expiresAt.Offset);
        Assert.InRange(expiresAt - before, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", invite.GetProperty("expiresAt").GetString()); // whole seconds, local offset
    }

    [Fact]
    public void Admin_invite_json_has_a_null_department_and_the_code_makes_an_office_member()
    {
        var run = CliRun.Of("admin-invite", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(["code", "department", "expiresAt"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("department").ValueKind);
        var code = json.RootElement.GetProperty("code").GetString()!;

        using var store = new TestStore(_dir.DatabasePath);
        var redemption = store.Registration(TimeProvider.System).Redeem(code, "张主任",
            new ConversationAddress("webchat", "http://localhost/", "conv", "user", null, "bot"));
        Assert.Equal(RedemptionResult.Registered, redemption.Result);
        Assert.True(redemption.Contact!.IsOffice);
    }

    [Fact]
    public void Invite_in_text_tells_the_office_what_the_contact_sends()
    {
        var run = CliRun.Of("invite", "科学技术厅", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已为科技厅生成一次性邀请码：", run.Output);
        var code = Regex.Match(run.Output, "注册 (\\S+)").Groups[1].Value;
        Assert.Matches(DisplayedCode(), code);
        Assert.Matches(@"有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，只能使用一次", run.Output);
        using var store = new TestStore(_dir.DatabasePath);
        Assert.True(InviteCode.TryNormalize(code, out var stored));
        Assert.Equal("科技厅", store.Invites.Find(stored)!.Department);
    }

    [Fact]
    public void Admin_invite_in_text_names_the_office()
    {
        var run = CliRun.Of("admin-invite", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已生成协调办公室成员的一次性邀请码", run.Output);
    }

    [Theory]
    [InlineData("动物园管理处", "没有找到部门“动物园管理处”。请使用部门的简称、全称或常用别名")]
    [InlineData("科枝厅", "没有找到部门“科枝厅”。您是不是要找：科技厅")]
    [InlineData("财政", "您是不是要找：财政厅")]
    public void An_unknown_department_is_an_error_with_suggestions_and_creates_nothing(string name, string message)
    {
        var run = CliRun.Of("invite", name, "--json", "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Equal("", run.Output);
        using var store = new TestStore(_dir.DatabasePath);
        Assert.Equal(0, store.Invites.Count());
    }

    [Fact]
    public void A_generic_unit_is_refused_with_what_to_do_and_creates_nothing()
    {
        using (var store = new ReformBot.Host.Storage.LiteDbStore(_dir.DatabasePath))
            new ReformBot.Host.Storage.LitePlanRepository(store).AddDepartments([new("各县（市、区）人民政府", null, [])]);

        var run = CliRun.Of("invite", "科技厅", "各县（市、区）人民政府", "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("“各县（市、区）人民政府”是泛指多个单位的名称", run.Error);
        Assert.Contains("在部门目录中把“各县（市、区）人民政府”作为某个具体部门的别名", run.Error);
        using var check = new TestStore(_dir.DatabasePath);
        Assert.Equal(0, check.Invites.Count());
    }

    [Fact]
    public void Invite_without_a_department_is_a_usage_error()
    {
        var run = CliRun.Of("invite", "--db", _dir.DatabasePath);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("invite", run.Error);
    }
}
