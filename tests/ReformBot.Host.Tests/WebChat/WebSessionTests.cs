using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.Tests.Support;
using static ReformBot.Host.Tests.WebChat.DirectLineClient;

namespace ReformBot.Host.Tests.WebChat;

/// <summary>
/// The office and the browsers of the Web Chat page, over real HTTP: 联络员 shows a browser's last
/// visit, 注销网页 and removing a contact sign the browser out, so its next visit is a new anonymous user.
/// </summary>
public sealed class WebSessionTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly MessageCatalog _messages = TestFiles.Messages;
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_office_sees_a_browsers_last_visit_and_signs_it_out_while_the_contact_stays()
    {
        using var office = await RegisteredAsync(Code("admin-invite"));
        using var contact = await RegisteredAsync(Code("invite", "科技厅"));
        var registered = _host.Services.GetRequiredService<IContactRepository>().All().Single(c => c.Departments.Contains("科技厅"));

        var listing = await SayAsync(office, "联络员");
        Assert.Equal(2, Regex.Count(listing, @"webchat，\d{4}-\d\d-\d\d 注册，网页最近访问 \d{4}-\d\d-\d\d \d\d:\d\d）"));

        var signedOut = await SayAsync(office, $"注销网页 {registered.ShortId}");
        Assert.StartsWith("已让", signedOut);
        Assert.Contains("联络员身份和其他渠道不变", signedOut);

        await AssertSignedOutAsync(contact);
        Assert.NotNull(_host.Services.GetRequiredService<IContactRepository>().All().SingleOrDefault(c => c.Id == registered.Id));
        var after = await SayAsync(office, "联络员");
        Assert.Contains($"{_messages[MessageKeys.Contacts.WebSignedOut]}）", after);
        // The office member's own browser is still signed in.
        Assert.Single(Regex.Matches(after, "网页最近访问"));

        var again = await SayAsync(office, $"注销网页 {registered.ShortId}");
        Assert.Contains("没有登录中的网页，没有改动", again);
        Assert.Equal(_messages[MessageKeys.Contacts.WebSignOutUsage], await SayAsync(office, "注销网页"));
        Assert.Contains("没有找到联络员“无此人”", await SayAsync(office, "注销网页 无此人"));
    }

    [Fact]
    public async Task Removing_a_contact_on_the_command_line_signs_their_browser_out()
    {
        using var contact = await RegisteredAsync(Code("invite", "科技厅"));
        var registered = _host.Services.GetRequiredService<IContactRepository>().All().Single(c => c.Departments.Contains("科技厅"));

        var listing = CliRun.Of("contacts", "--db", _dir.DatabasePath);
        Assert.Contains("网页最近访问", listing.Output);

        var removed = CliRun.Of("contacts", "remove", registered.ShortId, "--db", _dir.DatabasePath);

        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("其网页已退出登录", removed.Output);
        await AssertSignedOutAsync(contact);
    }

    [Fact]
    public async Task Signing_a_browser_out_on_the_command_line_keeps_the_contact()
    {
        using var contact = await RegisteredAsync(Code("invite", "科技厅"));
        var registered = _host.Services.GetRequiredService<IContactRepository>().All().Single(c => c.Departments.Contains("科技厅"));

        var signedOut = CliRun.Of("contacts", "signout-web", registered.ShortId, "--db", _dir.DatabasePath);
        var again = CliRun.Of("contacts", "signout-web", registered.ShortId, "--db", _dir.DatabasePath);

        Assert.Equal(0, signedOut.ExitCode);
        Assert.StartsWith("已让", signedOut.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("没有登录中的网页", again.Error);
        await AssertSignedOutAsync(contact);
        Assert.Contains(_messages[MessageKeys.Contacts.WebSignedOut], CliRun.Of("contacts", "--db", _dir.DatabasePath).Output);
    }

    /// <summary>The old token is refused, and the same cookie now gets a new user with a new conversation.</summary>
    private async Task AssertSignedOutAsync(DirectLineClient contact)
    {
        var oldConversation = contact.ConversationId;
        using var refused = await contact.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{oldConversation}/activities");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await contact.StartAsync();
        Assert.NotEqual(oldConversation, contact.ConversationId);
        var reply = await SayAsync(contact, "我的任务");
        Assert.DoesNotContain("科技厅", reply);
    }

    private string Code(params string[] command)
    {
        var run = CliRun.Of([.. command, "--json", "--db", _dir.DatabasePath]);
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("code").GetString()!;
    }

    private async Task<DirectLineClient> RegisteredAsync(string code)
    {
        var client = new DirectLineClient(_host.Endpoint.Url);
        await client.StartAsync();
        Assert.Contains("注册成功", await SayAsync(client, $"注册 {code}"));
        return client;
    }

    /// <summary>Says the text as the page does and returns the bot's replies to it.</summary>
    private static async Task<string> SayAsync(DirectLineClient client, string text)
    {
        var (_, watermark) = await client.PollAsync(null);
        var clientId = await client.SayAsync(text);
        var activities = await client.PollUntilAsync(watermark, all => all.Any(a => a["replyToId"] is not null && a["from"]!["role"]!.GetValue<string>() == "bot"));
        return string.Join("\n", activities.Where(a => a["from"]!["role"]!.GetValue<string>() == "bot").Select(Text));
    }
}
