using System.Text.Json;
using ReformBot.Core.Contacts;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>`invites` (the open invite codes) and `invites revoke` on a database file.</summary>
public sealed class InvitesCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public InvitesCommandTests() => TemplateDatabase.CopyTo(_dir.DatabasePath);

    public void Dispose() => _dir.Dispose();

    private CliRun Cli(params string[] args) => CliRun.Of([.. args, "--db", _dir.DatabasePath]);

    private string Code(string department) =>
        JsonDocument.Parse(Cli("invite", department, "--json").Output).RootElement.GetProperty("code").GetString()!;

    private List<JsonElement> Open() => JsonDocument.Parse(Cli("invites", "--json").Output).RootElement.EnumerateArray().ToList();

    [Fact]
    public void Invites_lists_the_open_codes_and_revoke_takes_one_out_by_id_or_by_code()
    {
        Assert.Empty(Open());
        var kjt = Code("科技厅");
        Code("财政厅");
        var office = JsonDocument.Parse(Cli("admin-invite", "--json").Output).RootElement.GetProperty("code").GetString()!;

        var open = Open();
        Assert.Equal(3, open.Count);
        Assert.All(open, i => Assert.Equal(["id", "department", "createdAt", "createdBy", "expiresAt"], i.EnumerateObject().Select(p => p.Name)));
        Assert.All(open, i => Assert.Matches("^[0-9a-f]{6}$", i.GetProperty("id").GetString()));
        Assert.All(open, i => Assert.EndsWith("+08:00", i.GetProperty("expiresAt").GetString()));
        // Made on the command line: no office member made them.
        Assert.All(open, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("createdBy").ValueKind));
        Assert.Contains(open, i => i.GetProperty("department").ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain(kjt, Cli("invites", "--json").Output);

        var text = Cli("invites");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("可用的邀请码 3 个", text.Output);
        Assert.Contains("科技厅：命令行 于 ", text.Output);

        var czt = open.Single(i => i.GetProperty("department").GetString() == "财政厅").GetProperty("id").GetString()!;
        var revoke = Cli("invites", "revoke", czt, "--json");
        Assert.Equal(0, revoke.ExitCode);
        var revoked = JsonDocument.Parse(revoke.Output).RootElement;
        Assert.Equal(["id", "department", "createdAt", "revokedAt"], revoked.EnumerateObject().Select(p => p.Name));
        Assert.Equal((czt, "财政厅"), (revoked.GetProperty("id").GetString(), revoked.GetProperty("department").GetString()));

        var byCode = Cli("invites", "revoke", office.ToLowerInvariant());
        Assert.Equal(0, byCode.ExitCode);
        Assert.Contains("已作废邀请码", byCode.Output);
        Assert.Equal(["科技厅"], Open().Select(i => i.GetProperty("department").GetString()));

        // A revoked code cannot register anyone.
        using var store = new TestStore(_dir.DatabasePath);
        Assert.True(InviteCode.TryNormalize(office, out var stored));
        var who = new Registrant("new-contact", "张三", new ConversationAddress("test", "http://127.0.0.1:9/", "conv", "zhang", null, "bot"));
        var redemption = store.Invites.Redeem(stored, who, DateTimeOffset.UtcNow);
        Assert.Equal(RedemptionResult.Revoked, redemption.Result);
        Assert.Null(store.Contacts.Find("new-contact"));
    }

    [Theory]
    [InlineData("ffffff")]
    [InlineData("K7QM-XW3P-9T")]
    [InlineData("科技厅")]
    public void An_unknown_id_is_an_error_and_nothing_changes(string which)
    {
        Code("科技厅");
        var before = Cli("invites", "--json").Output;

        var run = Cli("invites", "revoke", which);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"没有找到编号或邀请码“{which}”", run.Error);
        Assert.Equal("", run.Output);
        Assert.Equal(before, Cli("invites", "--json").Output);
    }

    [Fact]
    public void Revoking_a_used_code_is_refused()
    {
        var code = Code("科技厅");
        using (var store = new TestStore(_dir.DatabasePath))
        {
            Assert.True(InviteCode.TryNormalize(code, out var stored));
            var who = new Registrant("c-li", "李娜", new ConversationAddress("test", "http://127.0.0.1:9/", "conv", "li", null, "bot"));
            Assert.True(store.Invites.Redeem(stored, who, DateTimeOffset.UtcNow).Succeeded);
        }

        var run = Cli("invites", "revoke", code);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("被 李娜 用于注册，不能作废", run.Error);
    }
}
