using System.Text.Json;
using ReformBot.Core.Contacts;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>`contacts` on a database file.</summary>
public sealed class ContactsCommandTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Register()
    {
        using var store = new TestStore(_dir.DatabasePath);
        store.Contacts.Save(new Contact("c2", "李娜", ["科技厅", "财政厅"], false,
            new ConversationAddress("msteams", "https://smba.example/cn/", "conv-2", "user-2", "tenant", "bot"), Day.AddDays(1), Unreachable: true));
        store.Contacts.Save(new Contact("c1", "张主任", [], true,
            new ConversationAddress("webchat", "http://localhost/", "conv-1", "user-1", null, "bot"), Day));
        store.Contacts.Save(new Contact("c3", "", ["科技厅"], false,
            new ConversationAddress("webchat", "http://localhost/", "conv-3", "user-3", null, "bot"), Day.AddDays(2)));
    }

    [Fact]
    public void Contacts_json_prints_one_array_in_registration_order()
    {
        Register();

        var run = CliRun.Of("contacts", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var contacts = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["c1", "c2", "c3"], contacts.Select(c => c.GetProperty("id").GetString()));
        Assert.All(contacts, c => Assert.Equal(
            ["id", "name", "departments", "isOffice", "channelId", "registeredAt", "unreachable"], c.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            """{"id":"c2","name":"李娜","departments":["科技厅","财政厅"],"isOffice":false,"channelId":"msteams","registeredAt":"2026-11-29T10:00:00+08:00","unreachable":true}""",
            contacts[1].GetRawText());
        Assert.True(contacts[0].GetProperty("isOffice").GetBoolean());
        Assert.Equal(0, contacts[0].GetProperty("departments").GetArrayLength());
    }

    [Fact]
    public void Contacts_in_text_are_listed_per_department_with_the_lead_departments_that_have_none()
    {
        Register();

        var run = CliRun.Of("contacts", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("已注册 3 人：", lines[0]);
        Assert.Equal("【协调办公室】1 人", lines[1]);
        Assert.Equal("  · 张主任（编号 c1，webchat，2026-11-28 注册）", lines[2]);
        Assert.Equal("【科技厅】2 人", lines[3]);
        Assert.Equal("  · 李娜（编号 c2，msteams，2026-11-29 注册，消息无法送达）", lines[4]);
        Assert.Equal("  · 未留姓名（编号 c3，webchat，2026-11-30 注册）", lines[5]);
        Assert.Contains("【财政厅】1 人", lines);
        var uncovered = Assert.Single(lines, l => l.StartsWith("尚无联络员的牵头部门"));
        Assert.Contains("发改委", uncovered);
        Assert.DoesNotContain("科技厅", uncovered);
        Assert.DoesNotContain("财政厅", uncovered);
    }

    [Fact]
    public void Contacts_remove_takes_a_contact_out_of_a_department_then_removes_them()
    {
        Register();

        var fromOne = CliRun.Of("contacts", "remove", "李娜", "--department", "科学技术厅", "--json", "--db", _dir.DatabasePath);
        Assert.Equal(0, fromOne.ExitCode);
        Assert.Equal("""{"id":"c2","name":"李娜","department":"科技厅","removed":false,"departments":["财政厅"]}""", fromOne.Output.Trim());

        var again = CliRun.Of("contacts", "remove", "李娜", "--department", "科技厅", "--db", _dir.DatabasePath);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("李娜不是科技厅的联络员（所属：财政厅）", again.Error);

        var entirely = CliRun.Of("contacts", "remove", "c2", "--db", _dir.DatabasePath);
        Assert.Equal(0, entirely.ExitCode);
        Assert.Contains("已移除联络员李娜（编号 c2）", entirely.Output);
        Assert.Equal(1, CliRun.Of("contacts", "remove", "nobody", "--db", _dir.DatabasePath).ExitCode);

        using var json = JsonDocument.Parse(CliRun.Of("contacts", "--json", "--db", _dir.DatabasePath).Output);
        Assert.Equal(["c1", "c3"], json.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public void No_contacts_says_how_to_invite_them()
    {
        var text = CliRun.Of("contacts", "--db", _dir.DatabasePath);
        var json = CliRun.Of("contacts", "--json", "--db", _dir.DatabasePath);

        Assert.Contains("还没有人注册", text.Output);
        Assert.Equal("[]", json.Output.Trim());
    }
}
