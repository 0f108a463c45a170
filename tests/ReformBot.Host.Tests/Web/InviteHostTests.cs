using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReformBot.Host.Bot;
using ReformBot.Host.Web;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Web;

/// <summary>Invites, registration, contacts and reports through the running host: the CLI via the admin endpoint, chat via /api/messages.</summary>
public sealed class InviteHostTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Invites_made_on_the_command_line_register_chat_users_that_the_command_line_then_lists()
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

        var admin = CliRun.Of("admin-invite", "--json", "--db", _dir.DatabasePath);
        var invite = CliRun.Of("invite", "科学技术厅", "--json", "--db", _dir.DatabasePath);
        Assert.Equal(0, admin.ExitCode);
        Assert.Equal(0, invite.ExitCode);
        var adminCode = JsonDocument.Parse(admin.Output).RootElement.GetProperty("code").GetString()!;
        var inviteJson = JsonDocument.Parse(invite.Output).RootElement;
        Assert.Equal("科技厅", inviteJson.GetProperty("department").GetString());

        var office = await SayAsync(host, "user-office", "张主任", $"注册 {adminCode.ToLowerInvariant()}");
        var contact = await SayAsync(host, "user-science", "王伟", $"/register {inviteJson.GetProperty("code").GetString()}");
        var again = await SayAsync(host, "user-other", "李娜", $"注册 {adminCode}");

        Assert.Contains("您现在是协调办公室成员", office);
        Assert.Contains("您现在是科技厅的联络员", contact);
        Assert.Contains("已经被使用过", again);

        var contacts = CliRun.Of("contacts", "--json", "--db", _dir.DatabasePath);
        Assert.Equal(0, contacts.ExitCode);
        var listed = JsonDocument.Parse(contacts.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["张主任", "王伟"], listed.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["科技厅"], listed[1].GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("webchat", listed[1].GetProperty("channelId").GetString());
        Assert.Contains("【科技厅】1 人", CliRun.Of("contacts", "--db", _dir.DatabasePath).Output);

        // The office member now sees office commands in chat.
        Assert.Contains("王伟", await SayAsync(host, "user-office", "张主任", "联络员"));
    }

    [Fact]
    public async Task Reports_and_its_errors_work_through_the_running_host()
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

        var empty = CliRun.Of("reports", "--period", "2026Q4", "--json", "--db", _dir.DatabasePath);
        var bad = CliRun.Of("reports", "--period", "2026Q5", "--db", _dir.DatabasePath);
        var unknown = CliRun.Of("invite", "动物园管理处", "--db", _dir.DatabasePath);

        Assert.Equal(0, empty.ExitCode);
        Assert.Equal("[]", empty.Output.Trim());
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("季度“2026Q5”无效", bad.Error);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("没有找到部门“动物园管理处”", unknown.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000")]
    public void A_bad_invite_validity_stops_the_host_at_start_naming_the_setting(string days)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            ReformBotWebHost.Build(["--db", _dir.DatabasePath, "--urls", "http://127.0.0.1:0", "--ReformBot:Invites:ValidDays", days], TestFiles.Messages));

        Assert.Contains("ReformBot:Invites:ValidDays", error.Message);
    }

    /// <summary>One message over the Bot Framework protocol, replies returned in the response (deliveryMode expectReplies).</summary>
    private static async Task<string> SayAsync(RunningHost host, string userId, string name, string text)
    {
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = "webchat",
            serviceUrl = "http://127.0.0.1:9/",
            from = new { id = userId, name },
            recipient = new { id = "reformbot", name = "ReformBot" },
            conversation = new { id = $"conv-{userId}" },
            text,
            deliveryMode = "expectReplies",
        };
        using var response = await host.Http.PostAsJsonAsync(BotServices.MessagesPath, activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join("\n", body.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
    }
}
