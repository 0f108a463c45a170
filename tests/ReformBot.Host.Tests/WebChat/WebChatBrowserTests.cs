using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReformBot.Core.Storage;
using ReformBot.Host.Proactive;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.WebChat;

/// <summary>
/// The page at / in headless Chromium (Debian's chromium, driven by Playwright): a department's contact
/// registers, reports, gets a reminder, reloads, and carries on after a host restart. Screenshots of
/// the steps go to the test output folder (screenshots/).
/// </summary>
public sealed class WebChatBrowserTests : IDisposable
{
    /// <summary>Debian's package; .ci/run installs it when missing.</summary>
    private const string Chromium = "/usr/bin/chromium";

    private readonly TempDirectory _dir = new();
    private readonly string _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public WebChatBrowserTests()
    {
        TemplateDatabase.CopyTo(_dir.DatabasePath);
        Directory.CreateDirectory(_screenshots);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_contact_registers_reports_gets_a_reminder_reloads_and_continues_after_a_restart()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        // A phone-sized window: the page must be usable there.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 412, Height = 860 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();

        var invite = CliRun.Of("invite", "科技厅", "--json", "--db", _dir.DatabasePath);
        Assert.Equal(0, invite.ExitCode);
        var code = JsonDocument.Parse(invite.Output).RootElement.GetProperty("code").GetString()!;

        var host = await RunningHost.StartAsync(_dir.DatabasePath);
        try
        {
            await page.GotoAsync(host.Endpoint.Url + "/");
            await Transcript(page, "您好！我是科技体制改革任务进展汇报机器人");
            await Shot(page, "1-welcome");

            await Say(page, $"注册 {code}", "您现在是科技厅的联络员");
            await Shot(page, "2-registered");

            await Say(page, "汇报 1", "第 1 项");
            await Say(page, "2", "进展情况");
            await Say(page, "召开企业座谈会 3 次 Korxanilar yighini ✅🚀", "存在问题");
            await Say(page, "企业参与度有待提高 😊", "下一步工作思路");
            await Say(page, "建立企业参与决策机制 Yéngi mexanizm", "百分比");
            await Say(page, "60", "链接");
            await Say(page, "无", "请核对第 1 项");
            await Shot(page, "3-summary");
            await Say(page, "确认", "已保存第 1 项的汇报");
            await Say(page, "任务 1", "科技厅：按计划推进（第 1 版");
            await Shot(page, "4-task");

            // A reminder pushed while the page is open, to the address registration stored.
            var contact = host.Services.GetRequiredService<IContactRepository>().All().Single(c => c.Address.ChannelId == "webchat");
            var delivery = await host.Services.GetRequiredService<IProactiveSender>().SendAsync(contact.Address, "提醒：请于季度结束后 10 日内完成汇报。", CancellationToken.None);
            Assert.Equal(DeliveryResult.Delivered, delivery.Result);
            await Transcript(page, "提醒：请于季度结束后 10 日内完成汇报。");
            await Shot(page, "5-reminder");

            await page.ReloadAsync();
            await Transcript(page, "提醒：请于季度结束后 10 日内完成汇报。");
            await Transcript(page, "Korxanilar yighini ✅🚀");
            await Shot(page, "6-reloaded");
        }
        finally
        {
            await host.DisposeAsync();
        }

        await using var restarted = await RunningHost.StartAsync(_dir.DatabasePath);
        await page.GotoAsync(restarted.Endpoint.Url + "/");
        await Transcript(page, "提醒：请于季度结束后 10 日内完成汇报。");
        await Say(page, "我的任务", "科技厅");
        await Shot(page, "7-after-restart");

        // The digest's chart shows as a picture and the ledger's download link as a link, as in Teams.
        await Say(page, "周报", "进展周报");
        await page.Locator(".webchat__basic-transcript img").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await Shot(page, "8-digest");
        await Say(page, "导出", "台账");
        var link = page.Locator(".webchat__basic-transcript a[href*='/downloads/']").First;
        await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.StartsWith(restarted.Endpoint.Url + "/downloads/", await link.GetAttributeAsync("href"));
        await Shot(page, "9-export");
        Assert.DoesNotContain("网页聊天组件尚未安装", await page.ContentAsync());
    }

    [Fact]
    public async Task The_office_attaches_a_plan_on_the_page_reads_the_preview_and_confirms_with_the_button()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.");
        var invite = CliRun.Of("admin-invite", "--json", "--db", _dir.DatabasePath);
        Assert.Equal(0, invite.ExitCode);
        var code = JsonDocument.Parse(invite.Output).RootElement.GetProperty("code").GetString()!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 412, Height = 860 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await using var host = await RunningHost.StartAsync(_dir.DatabasePath);

        await page.GotoAsync(host.Endpoint.Url + "/");
        await Say(page, $"注册 {code}", "注册成功");

        // The paper clip's file input: the chosen file waits in the send box until the send button sends it.
        await page.Locator("#webchat input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "2027年任务分工.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = PlanFiles.PlanFileWriters.Docx(
            [
                PlanFiles.PlanFileWriters.Header,
                ["1", "建立科技成果转化激励机制", "科技厅、财政厅", "2027年6月底前"],
                ["2", "完善科研项目经费管理", "财政厅", "持续推进"],
            ]),
        });
        await Shot(page, "import-0-attached");
        await page.Locator(".webchat__send-button").ClickAsync();
        await Transcript(page, "2027年任务分工.docx：共 2 项任务");
        await Shot(page, "import-1-preview");
        Assert.Equal(119, host.Services.GetRequiredService<IPlanRepository>().Tasks().Count);

        await page.Locator("button:has-text('确认导入')").Last.ClickAsync();
        await Transcript(page, "已导入：共 2 项任务");
        await Shot(page, "import-2-done");
        Assert.Equal([1, 2], host.Services.GetRequiredService<IPlanRepository>().Tasks().Select(t => t.Number));
    }

    private static async Task Say(IPage page, string text, string expected)
    {
        // Counted, not searched after the old text: Web Chat rewrites earlier timestamps (刚刚 → 1 分钟前).
        var before = Occurrences(await TranscriptText(page), expected);
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await WaitFor(page, t => Occurrences(t, expected) > before, expected);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static Task Transcript(IPage page, string expected) =>
        WaitFor(page, t => t.Contains(expected, StringComparison.Ordinal), expected);

    private static async Task WaitFor(IPage page, Func<string, bool> done, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string text;
        while (!done(text = await TranscriptText(page)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The page did not show “{expected}”. It shows:\n{text}");
            await Task.Delay(100);
        }
    }

    private static async Task<string> TranscriptText(IPage page)
    {
        var transcript = page.Locator(".webchat__basic-transcript");
        return await transcript.CountAsync() == 0 ? "" : await transcript.First.InnerTextAsync();
    }

    private Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });
}
