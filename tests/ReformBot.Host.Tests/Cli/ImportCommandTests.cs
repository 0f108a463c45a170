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
}
