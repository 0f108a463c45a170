using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using ReformBot.Host.Digests;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Digests;

/// <summary>The digest as chat Markdown: sections, escaping, and splitting into messages between lines only.</summary>
public sealed class DigestMarkdownTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly DigestMarkdown _markdown = new(TestFiles.Messages, TestFiles.Format);
    private TestStore? _store;

    /// <summary>Opened by the tests that use it; the others render digests made in memory.</summary>
    private TestStore Store => _store ??= new TestStore(_dir.DatabasePath);

    public void Dispose()
    {
        _store?.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void The_digest_reads_as_paragraphs_and_lists_with_every_section()
    {
        DigestScenario.Append(Store.Reports);
        var messages = _markdown.Render(DigestScenario.Compute(Store.Plans, Store.Reports));

        var text = string.Join("\n\n", messages);
        Assert.StartsWith("**2026年第4季度进展周报**（截至 2026年12月20日）\n\n应报 131 项，已报 4 项，完成率 3%；已完成 1，按计划推进 1，滞后 1，未启动 1，未报送 127。\n\n"
            + "报送灯：🔴 0 🟡 0 🟢 131；进展灯：🔴 43 🟡 1 🟢 87", text);
        // Before the due date no report is late: the departments are red for progress, and say so.
        Assert.Matches(@"\*\*各部门（从差到好）\*\*\n\n- 财政厅：0/15（0%） 报送🟢 进展🔴；进展：\d+ 项逾期未完成\n", text);
        Assert.Matches(@"\n- 科技厅：2/39（5%） 报送🟢 进展🔴；进展：\d+ 项逾期未完成，1 项滞后或未按期启动\n", text);
        Assert.DoesNotContain("报送：", text);
        // Problems on one line, shortened only if long, with Markdown's characters escaped.
        Assert.Contains("**滞后任务及存在问题（1 项）**\n\n- 第 2 项（科技厅）：  资金拨付滞后，\\*配套\\*政策未出台； 人员不足 \\<待补充\\> ", text);
        Assert.Contains("**尚未报送的部门（", text);
        Assert.Contains("- 财政厅：15 项未报（第 ", text);
        Assert.Contains("项等）", text); // more than ten task numbers are cut, and the sentence still reads: 第 8、14、…项等
        Assert.DoesNotContain("等 项", text);
        Assert.Contains("，本季度尚未报送任何一项", text);
        Assert.Contains("**超过计划期限未完成的任务（", text);
        Assert.Contains("- 第 6 项（国资委，2017年完成）：", text);
        Assert.Contains("**本周变化（4 项）**", text);
        Assert.Contains("- 第 2 项（科技厅）：按计划推进 → 滞后（第 2 版）", text);
        Assert.Contains("- 第 61 项（新疆银监局）：新报送，已完成", text);
    }

    [Fact]
    public void What_changed_says_new_status_changed_or_edited()
    {
        var at = DigestScenario.Now;
        var q4 = DigestScenario.Q4;
        Store.Reports.Append(new ReportKey(2, "科技厅", q4), DigestScenario.Content(ReportStatus.OnTrack), "c", at.AddDays(-10), late: false);
        Store.Reports.Append(new ReportKey(2, "科技厅", q4), DigestScenario.Content(ReportStatus.Behind), "c", at.AddDays(-1), late: false);
        Store.Reports.Append(new ReportKey(1, "科技厅", q4), DigestScenario.Content(ReportStatus.OnTrack), "c", at.AddDays(-10), late: false);
        Store.Reports.Append(new ReportKey(1, "科技厅", q4), DigestScenario.Content(ReportStatus.OnTrack, "新的进展"), "c", at.AddDays(-1), late: false);

        var text = string.Join("\n\n", _markdown.Render(DigestScenario.Compute(Store.Plans, Store.Reports)));

        Assert.Contains("- 第 1 项（科技厅）：按计划推进，内容有修改（第 2 版）", text);
        Assert.Contains("- 第 2 项（科技厅）：按计划推进 → 滞后（第 2 版）", text);
    }

    [Fact]
    public void A_long_digest_is_split_between_sections_and_lines_never_inside_a_line()
    {
        // Every task of the plan behind, with long problems: far more than one message holds.
        var at = DigestScenario.Now;
        foreach (var task in Store.Plans.Tasks())
            foreach (var lead in task.LeadDepartments)
                Store.Reports.Append(new ReportKey(task.Number, lead, DigestScenario.Q4),
                    DigestScenario.Content(ReportStatus.Behind, problems: $"第{task.Number}项的问题：" + new string('难', 300)), "c", at.AddDays(-1), late: false);
        var digest = DigestScenario.Compute(Store.Plans, Store.Reports);

        var messages = _markdown.Render(digest);

        Assert.True(messages.Count >= 5, $"{messages.Count} messages");
        Assert.All(messages, m => Assert.InRange(m.Length, 1, DigestMarkdown.MaxMessageLength));
        // Each message starts with the digest's title, a section header, or a continued header.
        Assert.StartsWith("**2026年第4季度进展周报**", messages[0]);
        Assert.All(messages.Skip(1), m => Assert.StartsWith("**", m));
        Assert.Contains(messages, m => m.StartsWith("**滞后任务及存在问题（131 项）**（续）\n\n- 第 "));
        // Every line of the whole digest is whole in exactly one message.
        var lines = messages.SelectMany(m => m.Split('\n')).Where(l => l.StartsWith("- 第 ") && l.Contains("的问题")).ToList();
        Assert.Equal(digest.Behind.Count, lines.Count);
        Assert.All(lines, l => Assert.EndsWith(new string('难', 200 - $"第{l.Split(' ')[2]}项的问题：".Length) + "…", l));
        // A section that fits is not split: the department list stays in one message.
        Assert.Single(messages, m => m.Contains("**各部门（从差到好）**"));
    }

    /// <summary>
    /// Three departments after 2026Q4's due date: 科技厅 reported all its tasks on time but two are
    /// overdue against the plan; 财政厅 misses three reports; 教育厅 reported, one task behind.
    /// </summary>
    private static Digest TwoLights(string now)
    {
        var ongoing = new Schedule("持续推进", null, null, null, true);
        var due2020 = new Schedule("2020年完成", null, 2020, null, false);
        PlanTask Task(int n, string lead, Schedule schedule) => new(n, $"任务{n}", [new TaskDepartment(lead, DepartmentRole.Lead)], schedule);
        var tasks = new List<PlanTask> { Task(1, "科技厅", due2020), Task(2, "科技厅", due2020), Task(3, "科技厅", ongoing),
            Task(4, "财政厅", ongoing), Task(5, "财政厅", ongoing), Task(6, "财政厅", ongoing), Task(7, "教育厅", ongoing) };
        var at = new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));
        ReportRevision Rev(int task, string department, ReportStatus status) =>
            new(new ReportKey(task, department, DigestScenario.Q4), 1, DigestScenario.Content(status), "c", at, false);
        var revisions = new List<ReportRevision>
        {
            Rev(1, "科技厅", ReportStatus.OnTrack), Rev(2, "科技厅", ReportStatus.OnTrack), Rev(3, "科技厅", ReportStatus.OnTrack),
            Rev(7, "教育厅", ReportStatus.Behind),
        };
        return DigestCalculator.Compute(new DigestInput(tasks, revisions, new ReportingCalendar(new ReportingCalendarOptions()),
            DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), DigestScenario.Q4));
    }

    [Fact]
    public void Each_department_line_shows_both_lights_and_says_which_is_not_green_and_why()
    {
        var text = string.Join("\n\n", _markdown.Render(TwoLights("2027-01-12T10:00:00+08:00")));

        Assert.Contains("报送灯：🔴 3 🟡 0 🟢 4；进展灯：🔴 2 🟡 1 🟢 4", text);
        Assert.Contains("- 财政厅：0/3（0%） 报送🔴 进展🟢；报送：缺 3 项（已过截止日）\n", text);
        // Everything reported on time: never shown as failing to report.
        Assert.Contains("- 科技厅：3/3（100%） 报送🟢 进展🔴；进展：2 项逾期未完成\n", text);
        Assert.Contains("- 教育厅：1/1（100%） 报送🟢 进展🟡；进展：1 项滞后或未按期启动", text);
    }

    [Fact]
    public void Before_the_due_date_missing_reports_are_due_soon_not_late()
    {
        var text = string.Join("\n\n", _markdown.Render(TwoLights("2027-01-08T10:00:00+08:00")));

        Assert.Contains("- 财政厅：0/3（0%） 报送🟡 进展🟢；报送：3 项未报（2027年1月10日截止）\n", text);
        Assert.DoesNotContain("已过截止日", text);
    }

    [Fact]
    public void The_first_screen_names_the_red_departments_with_the_red_light_and_its_reason_only()
    {
        var summary = _markdown.RenderSummary(TwoLights("2027-01-12T10:00:00+08:00"), forOffice: true);

        Assert.Contains("**红灯部门（2 个）**\n- 🔴 财政厅（已报 0/3）报送：缺 3 项（已过截止日）\n- 🔴 科技厅（已报 3/3）进展：2 项逾期未完成\n", summary);
        // 教育厅 is only yellow: not a red department.
        Assert.DoesNotContain("🔴 教育厅", summary);
        Assert.DoesNotContain("科技厅（已报 3/3）报送", summary);
    }

    [Fact]
    public void Percentages_are_rounded_down_so_an_unfinished_department_never_shows_100()
    {
        Assert.Equal(99, DigestMarkdown.Percent(199, 200));
        Assert.Equal(28, DigestMarkdown.Percent(29, 100 + 2)); // 28.4
        Assert.Equal(100, DigestMarkdown.Percent(0, 0));
        Assert.Equal(29, DigestMarkdown.Percent(29, 100));
    }

    [Fact]
    public void More_than_forty_departments_are_counted_in_one_line()
    {
        var tasks = Enumerable.Range(1, 45).Select(n => new PlanTask(n, $"任务{n}",
            [new TaskDepartment($"部门{n:00}", DepartmentRole.Lead)], Schedule.Empty)).ToList();
        var digest = DigestCalculator.Compute(new DigestInput(tasks, [], new ReportingCalendar(new ReportingCalendarOptions()), DigestScenario.Now, DigestScenario.Q4));

        var text = string.Join("\n\n", _markdown.Render(digest));

        Assert.Contains("- 部门40：0/1（0%） 报送🟢 进展🟢\n", text);
        Assert.DoesNotContain("- 部门41：0/1", text);
        Assert.Contains("- 另有 5 个部门未列出，完整情况见台账（发送“导出”）", text);
    }

    [Fact]
    public void The_overdue_section_is_the_same_in_the_digest_and_alone()
    {
        DigestScenario.Append(Store.Reports);
        var digest = DigestScenario.Compute(Store.Plans, Store.Reports);

        var alone = string.Join("\n\n", _markdown.RenderOverdue(digest));

        Assert.StartsWith($"**超过计划期限未完成的任务（{digest.OverdueAgainstPlan.Count} 项）**\n\n- 第 ", alone);
        Assert.Contains(alone, string.Join("\n\n", _markdown.Render(digest)));
    }

    [Theory]
    [InlineData("a*b_c`d", @"a\*b\_c\`d")]
    [InlineData("[链接](x) ~删除~ <b> \\", @"\[链接\](x) \~删除\~ \<b\> \\")]
    [InlineData("无", "无")]
    public void Typed_text_has_markdown_characters_escaped(string typed, string escaped)
    {
        Assert.Equal(escaped, DigestMarkdown.Escape(typed));
    }
}
