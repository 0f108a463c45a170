using System.Text.Json;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Cli;

/// <summary>`tasks`, `task` and `departments` on a database seeded with the shipped plan.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public QueryCommandTests() => TemplateDatabase.CopyTo(_dir.DatabasePath);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Tasks_json_prints_exactly_one_array_of_the_119_tasks_in_table_order()
    {
        var run = CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var tasks = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 119), tasks.Select(t => t.GetProperty("number").GetInt32()));
        Assert.Equal(["number", "label", "section", "text", "departments", "schedule"], tasks[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Task_61_matches_the_data_contract_exactly()
    {
        var run = CliRun.Of("task", "61", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """{"number":61,"label":"61","section":null,"text":"建立与之相适应的监管制度，支持银行业金融机构面向中小企业创新需求的金融产品创新","departments":[{"name":"新疆银监局","role":"lead"},{"name":"中国人民银行乌鲁木齐中心支行","role":"support"}],"schedule":{"text":"2016年启动，持续推进","startYear":2016,"dueYear":null,"doneYear":null,"ongoing":true,"dueBy":null,"everyYear":false}}""",
            run.Output.Trim());
    }

    [Fact]
    public void An_empty_schedule_is_all_null_and_false()
    {
        var run = CliRun.Of("task", "34", "--json", "--db", _dir.DatabasePath);

        Assert.Contains("""
            "schedule":{"text":null,"startYear":null,"dueYear":null,"doneYear":null,"ongoing":false,"dueBy":null,"everyYear":false}
            """, run.Output);
    }

    [Fact]
    public void Task_in_text_names_leads_supports_and_schedule_in_chinese()
    {
        var run = CliRun.Of("task", "103", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("牵头部门：发改委、经信委", run.Output);
        Assert.Contains("配合部门：科技厅、质监局、国家能源局新疆监管办公室", run.Output);
        Assert.Contains("时间进度：2016年启动", run.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("120")]
    public void An_unknown_task_number_is_an_error(string number)
    {
        var run = CliRun.Of("task", number, "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"没有第 {number} 项任务", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void A_task_number_that_is_not_a_number_is_a_usage_error()
    {
        var run = CliRun.Of("task", "六十一", "--db", _dir.DatabasePath);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("六十一", run.Error);
    }

    [Fact]
    public void Departments_json_lists_names_aliases_and_the_tasks_each_leads_and_supports()
    {
        var run = CliRun.Of("departments", "--json", "--db", _dir.DatabasePath);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var departments = json.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        var bank = departments["新疆银监局"];
        Assert.Equal("中国银行业监督管理委员会新疆监管局", bank.GetProperty("fullName").GetString());
        Assert.Contains("中国银监会新疆监管局", bank.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal([59, 61], bank.GetProperty("lead").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal([58, 60, 104], bank.GetProperty("support").EnumerateArray().Select(n => n.GetInt32()));
        Assert.DoesNotContain("中国银监会新疆监管局", departments.Keys);
        Assert.DoesNotContain("党委组织部", departments.Keys);
        Assert.DoesNotContain("自治区环保厅", departments.Keys);
        // Every department of every task is in the directory.
        var tasks = JsonDocument.Parse(CliRun.Of("tasks", "--json", "--db", _dir.DatabasePath).Output).RootElement;
        var named = tasks.EnumerateArray().SelectMany(t => t.GetProperty("departments").EnumerateArray()).Select(d => d.GetProperty("name").GetString()!);
        Assert.All(named.Distinct(), n => Assert.Contains(n, departments.Keys));
    }
}
