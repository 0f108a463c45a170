using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Downloads;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;
using ReformBot.Host.Web;

namespace ReformBot.Host.Tests.Web;

/// <summary>导出 in chat gives a link that the host serves over real HTTP until it expires.</summary>
public sealed partial class DownloadTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DigestScenario.Now);
    private readonly LogCapture _logs = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await Start();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    private Task<RunningHost> Start(Dictionary<string, string?>? settings = null) =>
        RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
        {
            builder.Logging.AddProvider(_logs).AddFilter(typeof(LedgerFiles).FullName, LogLevel.Debug);
            builder.Services.AddSingleton<TimeProvider>(_time);
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        });

    private Contact Register(string userId, bool office, params string[] departments)
    {
        var contact = new Contact($"contact-{userId}", $"联络员{userId}", departments, office,
            new ConversationAddress(BotHttp.ChannelId, BotHttp.UnusedServiceUrl, $"conversation-{userId}", userId, null, "reformbot"), _time.GetUtcNow());
        _host.Services.GetRequiredService<IContactRepository>().Save(contact);
        return contact;
    }

    private async Task<string> Say(string userId, string text, bool group = false)
    {
        var activity = BotHttp.Message($"conversation-{userId}", text, userId: userId);
        if (group)
        {
            // In a group the bot answers only when @mentioned.
            activity["conversation"] = new { id = $"conversation-{userId}", isGroup = true };
            activity["text"] = $"<at>ReformBot</at> {text}";
            activity["entities"] = new[] { new { type = "mention", mentioned = new { id = "reformbot", name = "ReformBot" }, text = "<at>ReformBot</at>" } };
        }
        using var response = await _host.Http.PostAsync(activity);
        return Assert.Single(await response.ReplyTextsAsync());
    }

    private static string LinkIn(string reply) => LinkPattern().Match(reply) is { Success: true } m ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"No link in: {reply}");

    [GeneratedRegex(@"\]\((http[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task The_office_gets_a_link_to_the_whole_ledger_that_works_until_it_expires()
    {
        DigestScenario.Append(_host.Services.GetRequiredService<IReportRepository>());
        Register("office", office: true);

        var reply = await Say("office", "导出");

        Assert.Contains("已生成2026年第4季度台账（全部部门）", reply);
        Assert.Contains("链接在 2026-12-21 10:00 前有效", reply);
        var link = LinkIn(reply);
        Assert.Matches($"^{Regex.Escape(_host.Endpoint.Url)}/downloads/[A-Za-z0-9_-]{{43}}$", link);

        using (var response = await _host.Http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("重点任务台账-2026Q4.xlsx"), response.Content.Headers.GetValues("Content-Disposition").Single());
            Assert.Equal("重点任务台账-2026Q4.xlsx", disposition.FileNameStar);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            var xlsx = Xlsx.From(await response.Content.ReadAsByteArrayAsync(), _dir);
            Assert.Equal(["汇总", "任务", "汇报记录", "说明"], xlsx.SheetNames);
            Assert.Equal(131, xlsx.Table("任务").Count);
            Assert.Equal(5, xlsx.Table("汇报记录").Count);
        }

        // Any number of times, until the last moment.
        _time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        using (var again = await _host.Http.GetAsync(link)) Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        _time.Advance(TimeSpan.FromSeconds(1));
        using var expired = await _host.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("下载链接无效或已过期", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_download_is_not_sniffed_and_HEAD_is_answered()
    {
        Register("office", office: true);
        var link = LinkIn(await Say("office", "导出"));

        using var head = await _host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link));
        using var get = await _host.Http.GetAsync(link);
        using var unknown = await _host.Http.GetAsync("/downloads/" + new string('A', 43));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal("重点任务台账-2026Q4.xlsx", head.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        foreach (var response in new[] { head, get, unknown })
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_link_fetched_in_a_loop_builds_the_ledger_once_per_reuse_time()
    {
        Register("office", office: true);
        var link = LinkIn(await Say("office", "导出"));

        var downloads = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await _host.Http.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync();
        }));
        Assert.Equal(1, Builds());
        Assert.All(downloads, d => Assert.Equal(downloads[0], d));

        // After the reuse time the store is read again: a new report shows.
        DigestScenario.Append(_host.Services.GetRequiredService<IReportRepository>());
        _time.Advance(TimeSpan.FromSeconds(10));
        using var later = await _host.Http.GetAsync(link);
        Assert.Equal(2, Builds());
        Assert.Equal(5, Xlsx.From(await later.Content.ReadAsByteArrayAsync(), _dir).Table("汇报记录").Count);
    }

    private int Builds() => _logs.Entries.Count(e => e.Category == typeof(LedgerFiles).FullName && e.Message.StartsWith("Built the ledger", StringComparison.Ordinal));

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%2B")]
    public async Task An_unknown_or_malformed_token_is_404(string token)
    {
        using var response = await _host.Http.GetAsync("/downloads/" + token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_department_contact_gets_their_own_departments_ledger_only()
    {
        DigestScenario.Append(_host.Services.GetRequiredService<IReportRepository>());
        var contact = Register("kjt", office: false, "科技厅");

        Assert.Contains("您只能导出本部门（科技厅）的台账", await Say("kjt", "导出 财政厅"));
        var reply = await Say("kjt", "导出");
        Assert.Contains("台账（科技厅）", reply);

        using (var response = await _host.Http.GetAsync(LinkIn(reply)))
        {
            Assert.Equal("重点任务台账-2026Q4-科技厅.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
            var xlsx = Xlsx.From(await response.Content.ReadAsByteArrayAsync(), _dir);
            Assert.Equal(["科技厅", "合计"], xlsx.Table("汇总").Select(r => (string?)r["部门"]));
            Assert.Equal(3, xlsx.Table("汇报记录").Count);
        }

        // Once they no longer belong to the department, their link stops working.
        _host.Services.GetRequiredService<IContactRepository>().Save(contact with { Departments = ["财政厅"] });
        using var revoked = await _host.Http.GetAsync(LinkIn(reply));
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Fact]
    public async Task Export_is_refused_in_a_group_chat_and_to_strangers()
    {
        Register("office", office: true);

        Assert.Contains("请在与机器人的一对一对话中发送“导出”", await Say("office", "/export", group: true));
        Assert.Contains("您还没有注册为联络员", await Say("stranger", "导出"));
        Assert.Contains("没有找到部门或季度“某某厅”", await Say("office", "导出 某某厅"));
    }

    [Fact]
    public async Task A_period_can_be_chosen_and_the_link_uses_the_public_address()
    {
        await _host.DisposeAsync();
        _host = await Start(new() { ["ReformBot:Downloads:PublicBaseUrl"] = "https://reformbot.example.gov.cn/", ["ReformBot:Downloads:ValidHours"] = "2" });
        Register("office", office: true);

        var reply = await Say("office", "导出 2026Q3");

        Assert.Contains("已生成2026年第3季度台账", reply);
        Assert.Contains("链接在 2026-12-20 12:00 前有效", reply);
        var link = LinkIn(reply);
        Assert.StartsWith("https://reformbot.example.gov.cn/downloads/", link);
        var path = new Uri(link).AbsolutePath;
        using (var response = await _host.Http.GetAsync(path)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _time.Advance(TimeSpan.FromHours(2));
        using (var response = await _host.Http.GetAsync(path)) Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_tokens_hash_is_stored()
    {
        Register("office", office: true);
        var token = LinkIn(await Say("office", "导出")).Split('/')[^1];

        await _host.DisposeAsync();
        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var stored = Assert.Single(store.Downloads.FindAll());
            Assert.Equal(DownloadService.Hash(token), stored.Id);
            Assert.DoesNotContain(token, System.Text.Json.JsonSerializer.Serialize(stored));
        }
        _host = await Start();
    }
}
