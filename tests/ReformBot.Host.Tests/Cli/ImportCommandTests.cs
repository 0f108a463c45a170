using ReformBot.Host.Storage;
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
}
