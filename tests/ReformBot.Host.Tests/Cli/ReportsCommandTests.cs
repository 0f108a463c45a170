using System.Text.Json;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>`reports --period` on a database file.</summary>
public sealed class ReportsCommandTests : IDisposable
{
    private static readonly Quarter Q4 = Quarter.Parse("2026Q4");
    private static readonly DateTimeOffset At = new(2026, 12, 20, 9, 30, 15, TimeSpan.FromHours(8));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Submit()
    {
        using var store = new TestStore(_dir.DatabasePath);
        store.Contacts.Save(new Contact("c1", "王伟", ["新疆银监局"], false,
            new ConversationAddress("webchat", "http://localhost/", "conv-1", "user-1", null, "bot"), At.AddDays(-10)));
        var key = new ReportKey(61, "新疆银监局", Q4);
        store.Reports.Append(key, new ReportContent(ReportStatus.NotStarted, "调研中", "无", "起草方案", null, []), "c1", At, late: false);
        store.Reports.Append(key, new ReportContent(ReportStatus.Behind, "已完成调研；\n起草中", "人手不足", "年底前报送", 40, ["https://example.org/a"]),
            "c1", new DateTimeOffset(2027, 1, 12, 1, 0, 0, TimeSpan.Zero), late: true);
        store.Reports.Append(new ReportKey(1, "科技厅", Q4), new ReportContent(ReportStatus.Completed, "已印发", "", "巩固", 100, []), "gone", At.AddHours(1), late: false);
        store.Reports.Append(key with { Period = Q4.Previous() }, new ReportContent(ReportStatus.OnTrack, "上季度", "无", "继续", null, []), "c1", At.AddMonths(-3), late: false);
    }

    [Fact]
    public void Reports_json_prints_every_revision_of_the_period_with_who_and_when()
    {
        Submit();

        var run = CliRun.Of("reports", "--period", "2026Q4", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var reports = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([(61, 1), (1, 1), (61, 2)], reports.Select(r => (r.GetProperty("task").GetInt32(), r.GetProperty("revision").GetInt32())));
        Assert.Equal(
            """{"task":61,"label":"61","department":"新疆银监局","period":"2026Q4","revision":2,"status":"behind","progress":"已完成调研；\n起草中","problems":"人手不足","nextSteps":"年底前报送","percent":40,"evidence":["https://example.org/a"],"submittedBy":{"id":"c1","name":"王伟"},"submittedAt":"2027-01-12T09:00:00+08:00","late":true}""",
            reports[2].GetRawText());
        Assert.Equal("""{"id":"gone","name":null}""", reports[1].GetProperty("submittedBy").GetRawText());
        Assert.Equal(["notStarted", "completed", "behind"], reports.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, reports[0].GetProperty("percent").ValueKind);
    }

    [Fact]
    public void Reports_in_text_show_every_field_in_local_time()
    {
        Submit();

        var run = CliRun.Of("reports", "--period", "2026q4", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        var output = run.Output.ReplaceLineEndings("\n");
        Assert.StartsWith("2026Q4 共有 3 个汇报版本：\n", output);
        Assert.Contains("""
            第 61 项 · 新疆银监局 · 第 2 版 · 滞后（完成 40%） · 逾期提交
              提交人：王伟（c1），2027-01-12 09:00
              进展情况：已完成调研；
                起草中
              存在问题：人手不足
              下一步工作思路：年底前报送
              佐证材料：https://example.org/a
            """, output);
        Assert.Contains("第 1 项 · 科技厅 · 第 1 版 · 已完成（完成 100%）\n  提交人：未知联络员（gone），2026-12-20 10:30\n  进展情况：已印发\n  存在问题：无\n", output);
        Assert.Contains("第 61 项 · 新疆银监局 · 第 1 版 · 未启动\n", output);
        Assert.DoesNotContain("上季度", output);
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("26Q4")]
    [InlineData("2026-Q4")]
    [InlineData("第四季度")]
    public void A_bad_period_is_a_clear_error(string period)
    {
        var run = CliRun.Of("reports", "--period", period, "--json", "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"季度“{period}”无效", run.Error);
        Assert.Contains("例如 2026Q4", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void A_period_without_reports_says_so()
    {
        Submit();

        Assert.Equal("2025Q1 还没有任何汇报。", CliRun.Of("reports", "--period", "2025Q1", "--db", _dir.DatabasePath).Output.Trim());
        Assert.Equal("[]", CliRun.Of("reports", "--period", "2025Q1", "--json", "--db", _dir.DatabasePath).Output.Trim());
    }

    [Fact]
    public void The_period_is_required()
    {
        var run = CliRun.Of("reports", "--json", "--db", _dir.DatabasePath);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--period", run.Error);
    }
}
