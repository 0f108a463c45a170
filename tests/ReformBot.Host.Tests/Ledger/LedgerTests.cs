using ReformBot.Core.Contacts;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Ledger;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Ledger;

/// <summary>The ledger (台账) as .xlsx, read back with another library: sheets, rows, exact values.</summary>
public sealed class LedgerTests : LedgerTest
{
    private Xlsx Export(IReadOnlyList<string>? departments)
    {
        var ledgers = Bot.Get<LedgerService>();
        return Xlsx.From(ledgers.ToBytes(ledgers.Build(DigestScenario.Q4, departments)), Dir);
    }

    [Fact]
    public void The_whole_ledger_has_a_summary_the_tasks_and_every_revision()
    {
        var xlsx = Export(null);

        Assert.Equal(["汇总", "任务", "汇报记录", "说明"], xlsx.SheetNames);

        var summary = xlsx.Table("汇总");
        Assert.Equal(29 + 1, summary.Count); // the lead departments, worst first, and the total
        Assert.Equal("财政厅", summary[0]["部门"]);
        // Before the due date nothing is late to report; 财政厅 is red for tasks overdue against the plan.
        Assert.Equal(("绿", "红"), (summary[0]["报送灯"], summary[0]["进展灯"]));
        var total = summary[^1];
        Assert.Equal("合计", total["部门"]);
        Assert.Equal(131.0, total["应报"]);
        Assert.Equal(4.0, total["已报"]);
        Assert.Equal(4.0 / 131, (double)total["完成率"]!, 6);
        Assert.Equal(127.0, total["未报送"]);
        Assert.Equal(1.0, total["照抄上季度"]);
        Assert.Equal((0.0, 0.0, total["超期未完成"], 1.0), (total["报送红灯"], total["报送黄灯"], total["进展红灯"], total["进展黄灯"]));
        var kjt = summary.Single(r => (string?)r["部门"] == "科技厅");
        Assert.Equal((39.0, 2.0, 1.0, 1.0), (kjt["应报"], kjt["已报"], kjt["滞后"], kjt["按计划推进"]));

        var tasks = xlsx.Table("任务");
        Assert.Equal(131, tasks.Count);
        Assert.Equal(["任务号", "任务内容", "牵头部门", "本期状态", "完成百分比", "报送灯", "进展灯", "超期未完成", "照抄上季度",
            "时间进度", "版本", "提交时间", "进展情况", "存在问题", "下一步工作思路", "佐证材料", "配合部门说明"], xlsx.Rows("任务")[1].Values.Select(v => v?.ToString()));
        var task2 = tasks.Single(r => (double)r["任务号"]! == 2);
        Assert.Equal("科技厅", task2["牵头部门"]);
        Assert.Equal("滞后", task2["本期状态"]);
        Assert.Equal(40.0, task2["完成百分比"]);
        Assert.Equal(("绿", "黄"), (task2["报送灯"], task2["进展灯"]));
        Assert.Equal(("否", "否"), (task2["超期未完成"], task2["照抄上季度"]));
        Assert.Equal(2.0, task2["版本"]);
        Assert.Equal(DigestScenario.Problems, task2["存在问题"]);
        Assert.Equal("https://example.org/a\nhttps://example.org/b", task2["佐证材料"]);
        Assert.Equal("是", tasks.Single(r => (double)r["任务号"]! == 1)["照抄上季度"]);
        var task6 = tasks.Single(r => (double)r["任务号"]! == 6);
        Assert.Equal(("未启动", "绿", "红", "是"), (task6["本期状态"], task6["报送灯"], task6["进展灯"], task6["超期未完成"]));
        var unreported = tasks.Single(r => (double)r["任务号"]! == 3);
        Assert.Equal("未报送", unreported["本期状态"]);
        Assert.Null(unreported["完成百分比"]);
        Assert.StartsWith(Bot.Get<IPlanRepository>().FindTask(3)!.Text, (string)unreported["任务内容"]!);

        var revisions = xlsx.Table("汇报记录");
        Assert.Equal(5, revisions.Count); // the period's, not last quarter's
        var second = revisions.Single(r => (double)r["任务号"]! == 2 && (double)r["版本"]! == 2);
        Assert.Equal(("科技厅", "滞后", "第二版"), (second["部门"], second["状态"], second["进展情况"]));
        Assert.Equal(DigestScenario.Problems, second["存在问题"]);
        Assert.Equal("下一步继续推进", second["下一步工作思路"]);
        Assert.Equal("https://example.org/a\nhttps://example.org/b", second["佐证材料"]);
        Assert.Equal("王伟", second["提交人"]);
        Assert.Equal(new DateTime(2026, 12, 19, 10, 0, 0), second["提交时间"]);
        Assert.Equal("否", second["逾期提交"]);
        var late = revisions.Single(r => (double)r["任务号"]! == 61);
        Assert.Equal(("是", 100.0), (late["逾期提交"], late["完成百分比"]));
        // No contact is stored under the submitter's id any more: the ledger says so, without the id.
        var unknown = revisions.Single(r => (double)r["任务号"]! == 6);
        Assert.Equal("已移除的联络员", unknown["提交人"]);
        Assert.DoesNotContain("提交人ID", xlsx.Rows("汇报记录")[1].Values);
    }

    [Fact]
    public void After_the_due_date_the_reporting_light_is_red_only_where_reports_are_missing()
    {
        // 自治区科协 reports its one lead task done (it was overdue against the plan); then the due date passes.
        var plans = Bot.Get<IPlanRepository>();
        var task = plans.Tasks().Single(t => t.LeadDepartments.Contains("自治区科协"));
        Bot.Get<IReportRepository>().Append(new ReportKey(task.Number, "自治区科协", DigestScenario.Q4),
            DigestScenario.Content(ReportStatus.Completed), "c-kx", DigestScenario.Now, late: false);
        Bot.Time.SetUtcNow(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.FromHours(8)));

        var xlsx = Export(null);

        var summary = xlsx.Table("汇总");
        var czt = summary.Single(r => (string?)r["部门"] == "财政厅");
        Assert.Equal(("红", "红", 15.0), (czt["报送灯"], czt["进展灯"], czt["报送红灯"]));
        var kx = summary.Single(r => (string?)r["部门"] == "自治区科协");
        Assert.Equal(("绿", "绿", 0.0), (kx["报送灯"], kx["进展灯"], kx["报送红灯"]));
        var tasks = xlsx.Table("任务");
        var reported = tasks.Single(r => (double)r["任务号"]! == task.Number);
        Assert.Equal(("绿", "绿"), (reported["报送灯"], reported["进展灯"]));
        var task2 = tasks.Single(r => (double)r["任务号"]! == 2);
        Assert.Equal(("绿", "黄"), (task2["报送灯"], task2["进展灯"]));
        var task3 = tasks.Single(r => (double)r["任务号"]! == 3);
        Assert.Equal("红", task3["报送灯"]);
    }

    [Fact]
    public void A_departments_ledger_holds_only_its_own_rows()
    {
        var xlsx = Export(["科技厅"]);

        var summary = xlsx.Table("汇总");
        Assert.Equal(["科技厅", "合计"], summary.Select(r => (string?)r["部门"]));
        Assert.Equal(39.0, summary[1]["应报"]);
        var tasks = xlsx.Table("任务");
        Assert.Equal(39, tasks.Count);
        Assert.All(tasks, r => Assert.Equal("科技厅", r["牵头部门"]));
        Assert.Equal(3, xlsx.Table("汇报记录").Count);
    }

    [Fact]
    public void Text_is_kept_exactly_even_where_xml_cannot_hold_it()
    {
        var tricky = "  前后空格\t制表\n换行 & <标签> \"引号\" _x0041_ 🚀 \u0001控制符 ";
        Bot.Get<IReportRepository>().Append(new ReportKey(3, "科技厅", DigestScenario.Q4),
            DigestScenario.Content(ReportStatus.OnTrack, tricky), "c-kjt", DigestScenario.Now, late: false);

        var revisions = Export(["科技厅"]).Table("汇报记录");

        Assert.Equal(tricky, revisions.Single(r => (double)r["任务号"]! == 3)["进展情况"]);
    }

    [Fact]
    public void Supporting_notes_are_a_column_of_the_task_sheet_and_rows_of_the_revisions_sheet_with_the_submitters_name()
    {
        const string supporting = "中国人民银行乌鲁木齐中心支行";
        Bot.Get<IContactRepository>().Save(new Contact("c-rh", "李娜", [supporting], IsOffice: false,
            new ConversationAddress("test", "https://test.com", "conversation-rh", "rh", null, "bot"), DigestScenario.Now));
        var reports = Bot.Get<IReportRepository>();
        reports.AppendNote(new ReportNote(61, supporting, DigestScenario.Q4, "第一次说明", "c-rh", DigestScenario.Now.AddHours(-5)));
        reports.AppendNote(new ReportNote(61, supporting, DigestScenario.Q4, "配合开展窗口指导\n走访 12 家企业", "c-rh", DigestScenario.Now.AddHours(-2)));
        reports.AppendNote(new ReportNote(61, supporting, DigestScenario.Q4.Previous(), "上季度的说明", "c-rh", DigestScenario.Now.AddMonths(-3)));

        var xlsx = Export(null);

        var task61 = xlsx.Table("任务").Single(r => (double)r["任务号"]! == 61);
        Assert.Equal("中国人民银行乌鲁木齐中心支行：配合开展窗口指导\n走访 12 家企业", task61["配合部门说明"]);
        Assert.Null(xlsx.Table("任务").Single(r => (double)r["任务号"]! == 2)["配合部门说明"]);

        var revisions = xlsx.Table("汇报记录");
        Assert.Equal(5 + 2, revisions.Count);
        var notes = revisions.Where(r => (string?)r["状态"] == "配合说明").ToList();
        Assert.Equal(["第一次说明", "配合开展窗口指导\n走访 12 家企业"], notes.Select(r => (string?)r["进展情况"]));
        Assert.All(notes, r => Assert.Equal((61.0, supporting, "李娜"), (r["任务号"], r["部门"], r["提交人"])));
        Assert.Null(notes[0]["版本"]);
        Assert.Equal(new DateTime(2026, 12, 20, 5, 0, 0), notes[0]["提交时间"]);
        // Oldest first, among the revisions: the late report of 61 came three hours before now, between the two notes.
        Assert.Equal(["第一次说明", null, "配合开展窗口指导\n走访 12 家企业"],
            revisions.Where(r => (double)r["任务号"]! == 61).Select(r => (string?)r["状态"] == "配合说明" ? (string?)r["进展情况"] : null));

        // The lead department's own ledger has the notes on its tasks; another department's has none.
        Assert.Equal(2, Export(["新疆银监局"]).Table("汇报记录").Count(r => (string?)r["状态"] == "配合说明"));
        Assert.DoesNotContain(Export(["科技厅"]).Table("汇报记录"), r => (string?)r["状态"] == "配合说明");
    }

    [Fact]
    public void The_file_name_says_the_period_and_the_departments()
    {
        var ledgers = Bot.Get<LedgerService>();
        Assert.Equal("重点任务台账-2026Q4.xlsx", ledgers.FileName(DigestScenario.Q4, null));
        Assert.Equal("重点任务台账-2026Q4-科技厅、财政厅.xlsx", ledgers.FileName(DigestScenario.Q4, ["科技厅", "财政厅"]));
    }
}
