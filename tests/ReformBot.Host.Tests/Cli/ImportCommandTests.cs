using System.Text;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.PlanFiles;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>`import` through the command-line tool on a real database file.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string[][], string> BadPlans => new()
    {
        { "no table", [], "第 1 行起找不到任务分工表" },
        { "row without a number", [["1", "任务一", "科技厅", "持续推进"], ["二", "任务二", "科技厅", "持续推进"]], "第 5 行：序号“二”不是数字" },
        { "duplicated number", [["1", "任务一", "科技厅", ""], ["2", "任务二", "科技厅", ""], ["2", "任务三", "科技厅", ""]], "第 6 行：序号 2 重复，第 5 行已经用过这个序号" },
        { "missing number", [["1", "任务一", "科技厅", ""], ["3", "任务三", "科技厅", ""]], "第 5 行：序号不连续，此处应为第 2 项" },
        { "row without department", [["1", "任务一", "科技厅", ""], ["2", "任务二", " ", "持续推进"]], "第 5 行：第 2 项任务没有责任部门" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void A_bad_plan_is_refused_with_its_line_and_the_store_is_left_exactly_as_it_was(string why, string[][] rows, string expected)
    {
        var db = TemplateDatabase.CopyTo(_dir.DatabasePath);
        var before = CliRun.Of("tasks", "--json", "--db", db).Output;
        var departmentsBefore = CliRun.Of("departments", "--json", "--db", db).Output;
        var planFile = _dir.File($"{why}.txt");
        File.WriteAllText(planFile, rows.Length == 0 ? "这里没有表格\n只有正文。" : TestFiles.Plan(rows));

        var run = CliRun.Of("import", planFile, "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Contains("数据未作任何改动", run.Error);
        Assert.Equal(before, CliRun.Of("tasks", "--json", "--db", db).Output);
        Assert.Equal(departmentsBefore, CliRun.Of("departments", "--json", "--db", db).Output);
    }

    [Fact]
    public void A_missing_file_is_named_and_nothing_changes()
    {
        var run = CliRun.Of("import", _dir.File("nope.txt"), "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("找不到文件", run.Error);
        Assert.Contains("nope.txt", run.Error);
    }

    [Fact]
    public void Importing_into_a_new_database_loads_that_plan_with_the_curated_departments()
    {
        var planFile = _dir.File("plan.txt");
        File.WriteAllText(planFile, TestFiles.Plan(["1", "任务一", "科学技术厅、某新设局", "持续推进"]));

        var dryRun = CliRun.Of("import", planFile, "--dry-run", "--db", _dir.DatabasePath);
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("试运行", dryRun.Output);
        using (var store = new LiteDbStore(_dir.DatabasePath))
            Assert.Empty(new LitePlanRepository(store).Tasks());

        var run = CliRun.Of("import", planFile, "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("新增 1 项", run.Output);
        Assert.Contains("新部门", run.Output);
        Assert.Contains("某新设局", run.Output);
        var tasks = CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath).Output;
        Assert.Contains("\"name\":\"科技厅\",\"role\":\"lead\"", tasks);
        Assert.Contains("\"name\":\"某新设局\",\"role\":\"support\"", tasks);

        var again = CliRun.Of("import", planFile, "--db", _dir.DatabasePath);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("没有变更", again.Output);
    }

    [Fact]
    public void A_word_document_of_the_shipped_plan_imports_as_the_shipped_plan_and_changes_nothing()
    {
        var db = TemplateDatabase.CopyTo(_dir.DatabasePath);
        var before = CliRun.Of("tasks", "--json", "--db", db).Output;
        var planFile = _dir.File("计划.docx");
        File.WriteAllBytes(planFile, PlanFileWriters.Docx(PlanFileWriters.ShippedPlanRows()));

        var run = CliRun.Of("import", planFile, "--db", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("没有变更", run.Output);
        Assert.Equal(before, CliRun.Of("tasks", "--json", "--db", db).Output);
    }

    [Fact]
    public void An_old_word_document_is_refused_with_what_to_do()
    {
        var planFile = _dir.File("计划.doc");
        File.WriteAllBytes(planFile, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("WordDocument")]);

        var run = CliRun.Of("import", planFile, "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("数据未作任何改动", run.Error);
        Assert.Contains("另存为”Word 文档（.docx）", run.Error);
    }

    [Fact]
    public void An_error_in_a_word_table_names_the_file_type_the_table_and_its_row()
    {
        var rows = PlanFileWriters.ShippedPlanRows().Take(4).ToList();
        rows[3][0] = "一、推动芯片全链发展";
        var planFile = _dir.File("计划.docx");
        File.WriteAllBytes(planFile, PlanFileWriters.Docx(rows));

        var run = CliRun.Of("import", planFile, "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("（Word 文档）：第 1 个表格第 4 行：序号“一、推动芯片全链发展”不是数字", run.Error);
        Assert.DoesNotContain("制表符", run.Error);
    }

    [Fact]
    public void An_error_in_gbk_text_names_the_encoding()
    {
        var planFile = _dir.File("plan.txt");
        File.WriteAllBytes(planFile, PlanFileRoundTripTests.Encode(TestFiles.Plan(["1", "任务一", "科技厅", ""], ["3", "任务三", "科技厅", ""]), "GBK"));

        var run = CliRun.Of("import", planFile, "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("（文本文件，GBK 编码）：第 5 行：序号不连续", run.Error);
    }

    private string OtherGovernmentsPlan()
    {
        var planFile = _dir.File("other.txt");
        File.WriteAllText(planFile, string.Join("\n",
            "2026年科技创新重点任务分工", "序号\t重点任务\t责任单位\t完成时限",
            "1\t制定支持芯片产业发展的若干措施\t发展改革委牵头，省财政厅等按职责分工负责\t2026年6月底前",
            "2\t推进科研经费包干制试点\t科技厅、各县（市、区）人民政府\t2026年第三季度",
            "3\t建立科技成果转化年度报告制度\t张伟\t年底前",
            "4\t开展科技人才评价改革\t科技厅\t秋季启动"));
        return planFile;
    }

    [Fact]
    public void A_dry_run_shows_each_task_as_it_will_be_stored_with_its_warnings_and_mappings_and_writes_nothing()
    {
        var run = CliRun.Of("import", OtherGovernmentsPlan(), "--dry-run", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("第 1 项：制定支持芯片产业发展的若干措施\n  牵头：发改委；配合：省财政厅\n  进度：2026年6月底前（读作：截止 2026年6月30日）", run.Output);
        Assert.Contains("进度：2026年第三季度（读作：截止 2026年9月30日）", run.Output);
        Assert.Contains("进度：年底前（读作：截止 2026年12月31日）", run.Output);
        Assert.Contains("⚠ “各县（市、区）人民政府”泛指多个单位", run.Output);
        Assert.Contains("⚠ 责任部门“张伟”看起来像人名或职务", run.Output);
        Assert.Contains("⚠ 进度中的“秋季”没有读懂", run.Output);
        Assert.Contains("发展改革委 → 发改委（新疆维吾尔自治区发展和改革委员会）", run.Output);
        Assert.Contains("新部门（可在部门目录中补充全称和别名）：省财政厅、各县（市、区）人民政府、张伟", run.Output);
        Assert.Contains("共 3 处需要核对", run.Output);
        using var store = new LiteDbStore(_dir.DatabasePath);
        Assert.Empty(new LitePlanRepository(store).Tasks());
        Assert.DoesNotContain(new LitePlanRepository(store).Departments(), d => d.Name == "张伟");
    }

    [Fact]
    public void A_dry_run_that_removes_most_tasks_says_so_in_its_first_lines()
    {
        var db = TemplateDatabase.CopyTo(_dir.DatabasePath);
        var planFile = _dir.File("part.txt");
        File.WriteAllText(planFile, TestFiles.Plan(["1", "任务一", "科技厅", "持续推进"], ["2", "任务二", "财政厅", "持续推进"]));

        var run = CliRun.Of("import", planFile, "--dry-run", "--db", db);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal("⚠ 导入后将删除现有 119 项任务中的 117 项。这些任务的汇报仍保存在系统中，但不再显示在计划下。", lines[0]);
        Assert.StartsWith("⚠ 要删除的任务超过现有任务的一半：请确认这个文件是完整的计划", lines[1]);
        using var store = new LiteDbStore(db);
        Assert.Equal(119, new LitePlanRepository(store).Tasks().Count);
    }

    [Fact]
    public void A_dry_run_that_removes_one_task_says_so_first_without_the_alarm_of_a_partial_plan()
    {
        var db = TemplateDatabase.CopyTo(_dir.DatabasePath);
        var planFile = _dir.File("plan.txt");
        var shipped = TestFiles.ShippedPlan;
        File.WriteAllText(planFile, shipped[..shipped.IndexOf("\n119\t", StringComparison.Ordinal)]);

        var run = CliRun.Of("import", planFile, "--dry-run", "--db", db);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal("⚠ 导入后将删除现有 119 项任务中的 1 项。这些任务的汇报仍保存在系统中，但不再显示在计划下。", lines[0]);
        Assert.DoesNotContain("超过现有任务的一半", run.Output);
        Assert.Contains("  - 第 119 项：建设丝绸之路经济带创新驱动发展试验区（已有汇报保留）", run.Output);
    }

    [Fact]
    public void A_preview_of_a_plan_numbered_in_Chinese_refers_to_its_tasks_without_spaces()
    {
        var planFile = _dir.File("chinese.txt");
        File.WriteAllText(planFile, TestFiles.Plan(["（一）", "任务一", "科技厅", "持续推进"], ["（二）", "任务二", "财政厅", "秋季启动"]));

        var run = CliRun.Of("import", planFile, "--dry-run", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("第一项：任务一\n", run.Output);
        Assert.Contains("第二项：任务二\n", run.Output);
        Assert.DoesNotContain("第 一 项", run.Output);
    }

    [Fact]
    public void The_preview_as_json_holds_the_tasks_schedules_warnings_and_mappings()
    {
        var run = CliRun.Of("import", OtherGovernmentsPlan(), "--dry-run", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(4, tasks.Count);
        Assert.Equal("2026-06-30", tasks[0].GetProperty("task").GetProperty("schedule").GetProperty("dueBy").GetString());
        Assert.Equal(["genericUnit"], tasks[1].GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("kind").GetString()));
        Assert.Equal("秋季", tasks[3].GetProperty("warnings")[0].GetProperty("detail").GetString());
        var mapping = root.GetProperty("mappings")[0];
        Assert.Equal(("发展改革委", "发改委"), (mapping.GetProperty("written").GetString(), mapping.GetProperty("department").GetString()));
        Assert.Equal([1, 2, 3, 4], root.GetProperty("added").EnumerateArray().Select(n => n.GetInt32()));
    }

    [Fact]
    public void A_plan_with_its_own_directory_matches_only_that_directorys_names()
    {
        var directory = _dir.File("gd.yaml");
        File.WriteAllText(directory, "- name: 省发展改革委\n  fullName: 广东省发展和改革委员会\n  aliases: [发展改革委]\n- name: 省财政厅\n- name: 省科技厅\n  aliases: [科技厅]\n");

        var run = CliRun.Of("import", OtherGovernmentsPlan(), "--directory", directory, "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("发展改革委 → 省发展改革委（广东省发展和改革委员会）", run.Output);
        Assert.Contains("将从部门目录文件加入 3 个部门：省发展改革委、省财政厅、省科技厅", run.Output);
        using var store = new LiteDbStore(_dir.DatabasePath);
        var plans = new LitePlanRepository(store);
        Assert.Equal(["省发展改革委", "省财政厅"], plans.FindTask(1)!.Departments.Select(d => d.Name));
        Assert.Equal("省科技厅", plans.FindTask(4)!.LeadDepartments.Single());
        // The curated directory is another government's: none of it is in this database.
        Assert.DoesNotContain(plans.Departments(), d => d.Name is "发改委" or "科技厅");
    }

    [Fact]
    public void A_directory_that_takes_a_stored_departments_name_is_refused_and_changes_nothing()
    {
        var db = TemplateDatabase.CopyTo(_dir.DatabasePath);
        var before = CliRun.Of("departments", "--json", "--db", db).Output;
        var directory = _dir.File("gd.yaml");
        File.WriteAllText(directory, "- name: 省发展改革委\n  aliases: [发展改革委]\n");

        var run = CliRun.Of("import", OtherGovernmentsPlan(), "--directory", directory, "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("部门目录文件中“省发展改革委”的名称“发展改革委”已属于现有部门“发改委”", run.Error);
        Assert.Contains("数据未作任何改动", run.Error);
        Assert.Equal(before, CliRun.Of("departments", "--json", "--db", db).Output);
    }

    [Fact]
    public void The_preview_shows_each_section_above_its_tasks()
    {
        var planFile = _dir.File("sections.txt");
        File.WriteAllText(planFile, "序号\t重点任务\t责任单位\t完成时限\n一、推动芯片全链发展\n1\t制定措施\t科技厅\t2026年底前\n2\t建设平台\t科技厅\t持续推进");

        var run = CliRun.Of("import", planFile, "--dry-run", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("一、推动芯片全链发展\n第 1 项：制定措施", run.Output);
        Assert.Single(run.Output.Split('\n'), l => l == "一、推动芯片全链发展");
    }

    [Fact]
    public void The_preview_of_numbering_that_restarts_per_section_shows_the_written_number_beside_the_tasks()
    {
        var planFile = _dir.File("restarts.txt");
        File.WriteAllText(planFile, "序号\t重点任务\t责任单位\t完成时限\n一、推动芯片全链发展\n1\t制定措施\t科技厅\t2026年底前\n二、优化创新生态\n1\t建设平台\t科技厅\t持续推进");

        var run = CliRun.Of("import", planFile, "--dry-run", "--db", _dir.DatabasePath);
        var json = CliRun.Of("import", planFile, "--dry-run", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("一、推动芯片全链发展\n第 1 项：制定措施\n", run.Output);
        Assert.Contains("二、优化创新生态\n第 2 项（表中本节序号 1）：建设平台", run.Output);
        Assert.Contains("\"writtenNumber\":\"1\"", json.Output.Replace(" ", "").Replace("\n", ""));
    }
}
