using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReformBot.Core.Digests;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot;

/// <summary>周报 and 逾期 in chat: the digest's Markdown, then its chart; the overdue list as the digest has it.</summary>
public sealed class DigestChatTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LogCapture _logs = new();
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        _bot = Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _dir.Dispose();
    }

    private BotHarness Create(Action<ChartOptions>? chart = null)
    {
        var bot = BotHarness.Create(_dir.DatabasePath, DigestScenario.Now, services =>
        {
            services.AddLogging(b => b.AddProvider(_logs));
            if (chart is not null) services.Configure(chart);
        });
        if (!bot.Get<IReportRepository>().All().Any()) DigestScenario.Append(bot.Get<IReportRepository>());
        return bot;
    }

    [Fact]
    public async Task 周报_详细_gives_the_office_the_whole_digest_as_markdown_then_the_chart()
    {
        _bot.AddOfficeMember("office");

        var replies = await _bot.AllRepliesAsync("office", "周报 详细");

        var texts = replies.TakeWhile(r => !r.IsChart()).ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Equal(TextFormatTypes.Markdown, t.TextFormat));
        Assert.StartsWith("**2026年第4季度进展周报**（截至 2026年12月20日）", texts[0].Text);
        var digest = _bot.Get<DigestService>().Compute(since: DigestScenario.Now.AddDays(-7));
        Assert.Equal(_bot.Get<DigestMarkdown>().Render(digest), texts.Select(t => t.Text));
        var chart = Assert.Single(replies.Skip(texts.Count));
        var attachment = Assert.Single(chart.Attachments);
        Assert.Equal("周报图表-2026Q4.png", attachment.Name);
        using var png = attachment.InlinePng();
        Assert.Equal(800, png.Width);
        Assert.True(attachment.ContentUrl.Length < 100_000, $"{attachment.ContentUrl.Length} characters inline");
    }

    [Fact]
    public async Task The_first_message_of_周报_fits_a_phone_screen_names_why_each_red_department_is_red_and_offers_the_detail_and_催办()
    {
        _bot.AddOfficeMember("office");

        var replies = await _bot.AllRepliesAsync("office", "周报");

        var first = replies[0];
        var lines = first.Text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        Assert.InRange(lines.Count, 5, 15);
        Assert.StartsWith("**2026年第4季度进展周报**", lines[0]);
        Assert.Contains("**红灯部门（", first.Text);
        // Before the due date no report is late: the red departments are red for progress, and the line says so.
        Assert.Contains(lines, l => l.StartsWith("- 🔴 ") && l.Contains("）进展：") && l.EndsWith("项逾期未完成"));
        Assert.DoesNotContain("报送：", first.Text);
        Assert.Contains("**最需关注的问题**", first.Text);
        Assert.Contains("周报 详细", first.Text);
        var buttons = first.SuggestedActions.Actions.Select(a => (string)a.Value).ToList();
        Assert.Equal("周报 详细", buttons[0]);
        Assert.Equal(4, buttons.Count);
        Assert.All(buttons.Skip(1), b => Assert.StartsWith("催办 ", b));
        Assert.True(replies[1].IsChart());
        Assert.Equal(2, replies.Count);
    }

    [Fact]
    public async Task A_department_that_reported_all_its_tasks_on_time_is_never_shown_as_failing_to_report()
    {
        _bot.AddOfficeMember("office");
        // 科技厅 reports every one of its 39 lead tasks before the due date; some are overdue against the plan.
        var reports = _bot.Get<IReportRepository>();
        foreach (var task in _bot.Get<IPlanRepository>().Tasks().Where(t => t.LeadDepartments.Contains("科技厅")))
            reports.Append(new ReportKey(task.Number, "科技厅", DigestScenario.Q4),
                DigestScenario.Content(ReportStatus.OnTrack), "c-kjt", DigestScenario.Now, late: false);
        _bot.Time.SetUtcNow(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.FromHours(8)));

        var first = (await _bot.AllRepliesAsync("office", "周报"))[0].Text;
        var detail = string.Join("\n\n", (await _bot.AllRepliesAsync("office", "周报 详细")).Where(r => !r.IsChart()).Select(r => r.Text));

        var kjt = Assert.Single(detail.Split('\n'), l => l.StartsWith("- 科技厅："));
        Assert.Matches(@"^- 科技厅：39/39（100%） 报送🟢 进展🔴；进展：\d+ 项逾期未完成$", kjt);
        Assert.DoesNotContain("科技厅（已报 39/39）报送", first);
        // 财政厅 reported nothing and the due date has passed: its reporting light is red, and the first screen says why.
        Assert.Contains("- 🔴 财政厅（已报 0/15）报送：缺 15 项（已过截止日）；进展：", first);
        Assert.Contains("报送🔴", detail);
    }

    [Fact]
    public async Task 逾期_shows_each_leads_status_this_period_and_offers_the_office_催办()
    {
        _bot.AddOfficeMember("office");

        var replies = await _bot.AllRepliesAsync("office", "逾期");

        Assert.Contains(replies, r => r.Text.Contains("；本期：未报"));
        var buttons = replies[^1].SuggestedActions.Actions.Select(a => (string)a.Value).ToList();
        Assert.Equal(3, buttons.Count);
        Assert.All(buttons, b => Assert.StartsWith("催办 ", b));
    }

    [Fact]
    public async Task A_contact_of_two_departments_gets_a_digest_and_a_chart_for_each()
    {
        _bot.AddContact("user1", "科技厅", "新疆银监局");

        var replies = await _bot.AllRepliesAsync("user1", "/digest");

        Assert.Equal(2, replies.Count(r => r.IsChart()));
        var titles = replies.Where(r => !r.IsChart() && r.Text.StartsWith("**")).Select(r => r.Text.Split('\n')[0]).Where(t => t.Contains("进展周报")).ToList();
        Assert.Equal(["**科技厅 · 2026年第4季度进展周报**（截至 2026年12月20日）", "**新疆银监局 · 2026年第4季度进展周报**（截至 2026年12月20日）"], titles);
        Assert.True(replies[^1].IsChart());
        Assert.Contains("您只能查看本部门（科技厅、新疆银监局）的周报", (await _bot.AllRepliesAsync("user1", "周报 财政厅"))[0].Text);
    }

    [Fact]
    public async Task A_chosen_period_and_department_for_the_office()
    {
        _bot.AddOfficeMember("office");

        var replies = await _bot.AllRepliesAsync("office", "周报 2026Q3 科学技术厅");

        Assert.StartsWith("**科技厅 · 2026年第3季度进展周报**", replies[0].Text);
        Assert.Contains("没有找到部门或季度“某某厅”", (await _bot.AllRepliesAsync("office", "周报 某某厅"))[0].Text);
    }

    [Fact]
    public async Task Without_a_chinese_font_the_digest_goes_out_as_text_with_a_warning_in_the_log()
    {
        await _bot.DisposeAsync();
        _bot = Create(o => { o.FontFamilies = []; o.UseShippedFont = false; o.UseSystemFonts = false; });
        _bot.AddOfficeMember("office");

        var replies = await _bot.AllRepliesAsync("office", "周报");

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.IsChart());
        Assert.StartsWith("**2026年第4季度进展周报**", replies[0].Text);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("without their chart"));
    }

    [Fact]
    public async Task Overdue_shows_the_digests_own_section()
    {
        _bot.AddContact("user1", "国资委");

        var replies = await _bot.AllRepliesAsync("user1", "逾期");

        var digest = _bot.Get<DigestService>().Compute(filter: new DigestFilter(OverdueOnly: true));
        Assert.Equal(_bot.Get<DigestMarkdown>().RenderOverdue(digest), replies.Select(r => r.Text));
        Assert.Contains(_bot.Get<DigestMarkdown>().RenderOverdue(digest)[0],
            string.Join("\n\n", _bot.Get<DigestMarkdown>().Render(_bot.Get<DigestService>().Compute())));
        Assert.Contains("- 第 6 项（国资委，2017年完成）：", replies[0].Text);
    }

    [Fact]
    public async Task Help_lists_export_to_a_contact()
    {
        // Help lists the contact commands to contacts; someone not registered sees how to register.
        _bot.AddContact("helpreader", "科技厅");
        var replies = await _bot.AllRepliesAsync("helpreader", "帮助");

        Assert.Contains("导出 [部门|季度]（/export）", replies[0].Text);
    }
}
