using System.Text.Json;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>A plan whose table is a later part of a plan (numbered from 80), through the command-line tool on a real database.</summary>
public sealed class TaskLabelCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_table_starting_at_80_is_previewed_with_a_warning_imported_and_found_by_its_numbers()
    {
        var planFile = _dir.File("第二部分.txt");
        File.WriteAllText(planFile, TestFiles.Plan(
            ["一、深化科技管理体制改革", "", "", ""],
            ["80", "制定支持芯片产业发展的若干措施", "发改委", "2026年6月底前"],
            ["81", "推进科研经费包干制试点", "科技厅、财政厅", "持续推进"]));

        var preview = CliRun.Of("import", planFile, "--dry-run", "--db", _dir.DatabasePath);
        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("一、深化科技管理体制改革\n第 80 项：制定支持芯片产业发展的若干措施", preview.Output);
        Assert.Contains("⚠ 表中序号从 80 开始，之前的任务不在这个文件里", preview.Output);
        Assert.Contains("第 81 项：推进科研经费包干制试点", preview.Output);

        var json = CliRun.Of("import", planFile, "--dry-run", "--json", "--db", _dir.DatabasePath);
        using (var document = JsonDocument.Parse(json.Output))
        {
            var first = document.RootElement.GetProperty("tasks")[0];
            Assert.Equal("numberingStartsLater", first.GetProperty("warnings")[0].GetProperty("kind").GetString());
            Assert.Equal("80", first.GetProperty("task").GetProperty("label").GetString());
        }

        Assert.Equal(0, CliRun.Of("import", planFile, "--db", _dir.DatabasePath).ExitCode);

        var tasks = CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath);
        using (var document = JsonDocument.Parse(tasks.Output))
        {
            var stored = document.RootElement.EnumerateArray().ToList();
            Assert.Equal([(1, "80"), (2, "81")], stored.Select(t => (t.GetProperty("number").GetInt32(), t.GetProperty("label").GetString()!)));
            Assert.All(stored, t => Assert.Equal("一、深化科技管理体制改革", t.GetProperty("section").GetString()));
        }

        var task = CliRun.Of("task", "81", "--db", _dir.DatabasePath);
        Assert.Equal(0, task.ExitCode);
        Assert.StartsWith(" 81. 推进科研经费包干制试点\n所属部分：一、深化科技管理体制改革", task.Output);
        var unknown = CliRun.Of("task", "1", "--db", _dir.DatabasePath);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("没有第 1 项任务", unknown.Error);

        // Importing the same file again keeps labels and sections as they are.
        Assert.Contains("与已有计划相同，没有变更", CliRun.Of("import", planFile, "--db", _dir.DatabasePath).Output);
    }
}
