using System.Text.Json;
using ReformBot.Host.Cli;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>`digest` (Markdown or the JSON contract) and `export` (the ledger) on the command line, directly and through the running host.</summary>
public sealed class DigestAndExportCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public DigestAndExportCommandTests()
    {
        // Reports of the last days of real time: the command line runs on the real clock.
        using var store = new TestStore(_dir.DatabasePath);
        DigestScenario.Append(store.Reports, DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    public void Dispose() => _dir.Dispose();

    private CliRun Cli(params string[] args) => CliRun.Of([.. args, "--db", _dir.DatabasePath]);

    [Fact]
    public void Digest_json_follows_the_documented_contract()
    {
        var run = Cli("digest", "--period", "2026Q4", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["period", "department", "generatedAt", "since", "window", "totals", "departments", "tasks", "behind", "notReported",
            "overdueAgainstPlan", "changes"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026Q4", root.GetProperty("period").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("department").ValueKind);
        Assert.EndsWith("+08:00", root.GetProperty("generatedAt").GetString());
        Assert.Equal("2027-01-10", root.GetProperty("window").GetProperty("dueDate").GetString());
        Assert.Equal("2027-01-11T00:00:00+08:00", root.GetProperty("window").GetProperty("deadline").GetString());

        var totals = root.GetProperty("totals");
        Assert.Equal((131, 4, 127), (totals.GetProperty("expected").GetInt32(), totals.GetProperty("submitted").GetInt32(), totals.GetProperty("notSubmitted").GetInt32()));
        Assert.Equal(4.0 / 131, totals.GetProperty("rate").GetDouble(), 9);
        var statuses = totals.GetProperty("statuses");
        Assert.Equal([1, 1, 1, 1, 127], new[] { "completed", "onTrack", "behind", "notStarted", "notSubmitted" }.Select(s => statuses.GetProperty(s).GetInt32()));
        // Two lights, each counted over every expected report; the one mixed light is gone.
        foreach (var kind in new[] { "reportingLights", "progressLights" })
        {
            var lights = totals.GetProperty(kind);
            Assert.Equal(131, lights.GetProperty("red").GetInt32() + lights.GetProperty("yellow").GetInt32() + lights.GetProperty("green").GetInt32());
        }
        Assert.Equal(totals.GetProperty("overdueAgainstPlan").GetInt32(), totals.GetProperty("progressLights").GetProperty("red").GetInt32());
        Assert.False(totals.TryGetProperty("lights", out _));
        Assert.Equal(1, totals.GetProperty("copied").GetInt32());

        var departments = root.GetProperty("departments").EnumerateArray().ToList();
        Assert.Equal(29, departments.Count);
        var kjt = departments.Single(d => d.GetProperty("name").GetString() == "科技厅");
        Assert.Equal((39, 2), (kjt.GetProperty("expected").GetInt32(), kjt.GetProperty("submitted").GetInt32()));
        Assert.Equal(["name", "reportingLight", "progressLight", "expected", "submitted", "notSubmitted", "rate", "statuses", "reportingLights",
            "progressLights", "copied", "overdueAgainstPlan"], kjt.EnumerateObject().Select(p => p.Name));
        // The reporting light depends on the day the test runs (before or after the due date); 科技厅's tasks overdue against the plan do not.
        Assert.Contains(kjt.GetProperty("reportingLight").GetString(), new[] { "red", "yellow", "green" });
        Assert.Equal("red", kjt.GetProperty("progressLight").GetString());

        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(131, tasks.Count);
        var task2 = tasks.Single(t => t.GetProperty("task").GetInt32() == 2);
        Assert.Equal(("科技厅", "behind", 40, 2), (task2.GetProperty("department").GetString(), task2.GetProperty("status").GetString(),
            task2.GetProperty("percent").GetInt32(), task2.GetProperty("revision").GetInt32()));
        Assert.False(task2.GetProperty("late").GetBoolean());
        Assert.Equal(("green", "yellow"), (task2.GetProperty("reportingLight").GetString(), task2.GetProperty("progressLight").GetString()));
        Assert.False(task2.TryGetProperty("light", out _));
        var task3 = tasks.Single(t => t.GetProperty("task").GetInt32() == 3);
        Assert.Equal(JsonValueKind.Null, task3.GetProperty("status").ValueKind);
        Assert.Equal(JsonValueKind.Null, task3.GetProperty("submittedAt").ValueKind);

        var behind = Assert.Single(root.GetProperty("behind").EnumerateArray());
        Assert.Equal(DigestScenario.Problems, behind.GetProperty("problems").GetString());
        var notReported = root.GetProperty("notReported").EnumerateArray().Single(n => n.GetProperty("department").GetString() == "财政厅");
        Assert.True(notReported.GetProperty("nothingReported").GetBoolean());
        Assert.Equal(15, notReported.GetProperty("tasks").GetArrayLength());
        var overdue = root.GetProperty("overdueAgainstPlan").EnumerateArray().Single(o => o.GetProperty("task").GetInt32() == 6);
        Assert.Equal(("国资委", "2017年完成", 2017, "notStarted"), (overdue.GetProperty("department").GetString(), overdue.GetProperty("schedule").GetString(),
            overdue.GetProperty("dueYear").GetInt32(), overdue.GetProperty("status").GetString()));
        // What changed in the last seven days: task 2 went from on track to behind; its first revision is older.
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        var change2 = changes.Single(c => c.GetProperty("task").GetInt32() == 2);
        Assert.Equal(("statusChanged", "onTrack", "behind", 2), (change2.GetProperty("kind").GetString(), change2.GetProperty("before").GetString(),
            change2.GetProperty("after").GetString(), change2.GetProperty("revision").GetInt32()));
        Assert.Equal("new", changes.Single(c => c.GetProperty("task").GetInt32() == 61).GetProperty("kind").GetString());
    }

    [Fact]
    public void Digest_for_one_department_by_any_of_its_names()
    {
        var json = JsonDocument.Parse(Cli("digest", "--period", "2026Q4", "--department", "科学技术厅", "--format", "json").Output).RootElement;

        Assert.Equal("科技厅", json.GetProperty("department").GetString());
        Assert.Equal(39, json.GetProperty("tasks").GetArrayLength());
        Assert.All(json.GetProperty("tasks").EnumerateArray(), t => Assert.Equal("科技厅", t.GetProperty("department").GetString()));
    }

    [Fact]
    public void Digest_markdown_is_the_chat_digest()
    {
        var run = Cli("digest", "--period", "2026Q4");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("**2026年第4季度进展周报**（截至 ", run.Output);
        Assert.Contains("**各部门（从差到好）**\n\n- ", run.Output);
        Assert.Contains("**滞后任务及存在问题（1 项）**", run.Output);
    }

    [Theory]
    [InlineData("--department", "某某厅", "没有找到部门“某某厅”")]
    [InlineData("--period", "2026Q5", "季度“2026Q5”无效")]
    [InlineData("--format", "pdf", "pdf")]
    public void Digest_refuses_what_it_does_not_know(string option, string value, string error)
    {
        var run = Cli("digest", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(error, run.Error);
        Assert.DoesNotContain("进展周报**", run.Output);
    }

    [Fact]
    public void Export_writes_the_ledger_where_asked()
    {
        var path = _dir.File("out/台账.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var run = Cli("export", "--period", "2026Q4", "--department", "科技厅", "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"已导出2026年第4季度台账到 {path}：1 个部门，任务 39 行，汇报记录 3 行。", run.Output);
        var xlsx = new Xlsx(path);
        Assert.Equal(["汇总", "任务", "汇报记录", "说明"], xlsx.SheetNames);
        Assert.Equal(39, xlsx.Table("任务").Count);
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void Export_to_a_place_it_cannot_write_says_so()
    {
        var run = Cli("export", "--out", _dir.File("no/such/folder/ledger.xlsx"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("无法写入文件", run.Error);
    }

    [Fact]
    public async Task Through_the_running_host_a_relative_path_is_the_callers()
    {
        await using var host = await RunningHost.StartAsync(_dir.DatabasePath);
        var caller = Path.Combine(_dir.Path, "caller");
        Directory.CreateDirectory(caller);

        var response = AdminClient.TryRun(host.Endpoint,
            new AdminCliRequest(["export", "--period", "2026Q4", "--out", "ledger.xlsx", "--db", _dir.DatabasePath], caller))!;
        var digest = CliRun.Of("digest", "--period", "2026Q4", "--format", "json", "--db", _dir.DatabasePath);

        Assert.Equal(0, response.ExitCode);
        Assert.Equal(131, new Xlsx(Path.Combine(caller, "ledger.xlsx")).Table("任务").Count);
        Assert.Equal(0, digest.ExitCode);
        Assert.Equal(131, JsonDocument.Parse(digest.Output).RootElement.GetProperty("totals").GetProperty("expected").GetInt32());
    }
}
