using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

/// <summary>Task numbers as tables write them (80, 3.2, （一）) become the labels people use; the key stays 1..n.</summary>
public class PlanNumberingTests
{
    private static IReadOnlyList<ParsedTask> Parse(params string[][] rows) =>
        PlanTableParser.Parse(string.Join("\n", rows.Select(r => string.Join("\t", r))));

    private static readonly string[] Header = ["序号", "重点任务", "责任单位", "完成时限"];

    [Fact]
    public void Hierarchical_numbers_are_the_labels_and_category_rows_the_sections()
    {
        var tasks = Parse(
            Header,
            ["一、推动芯片全链发展", "", "", ""],
            ["1.1", "制定措施", "市科技局", "2026年底前"],
            ["1.2", "建设平台", "市发改委", "持续推进"],
            ["二、优化创新生态", "", "", ""],
            ["2.1", "完善政策", "市财政局", "每年"],
            ["2.1.1", "细化政策", "市财政局", "每年"],
            ["2.2", "培育人才", "市人社局", "每年"],
            ["3", "其他", "市人社局", "每年"]);

        Assert.Equal(["1.1", "1.2", "2.1", "2.1.1", "2.2", "3"], tasks.Select(t => t.Label));
        Assert.Equal([1, 2, 3, 4, 5, 6], tasks.Select(t => t.Number));
        Assert.Equal("二、优化创新生态", tasks[2].Section);
        Assert.All(tasks, t => Assert.Null(t.WrittenNumber));
        Assert.All(tasks, t => Assert.Empty(t.Warnings));
    }

    [Fact]
    public void A_table_starting_at_80_keeps_its_numbers_as_labels_and_warns_once()
    {
        var tasks = Parse(
            Header,
            ["80", "制定措施", "市科技局", "2026年底前"],
            ["81", "建设平台", "市发改委", "持续推进"]);

        Assert.Equal(["80", "81"], tasks.Select(t => t.Label));
        Assert.Equal([1, 2], tasks.Select(t => t.Number));
        Assert.Equal([new PlanWarning(PlanWarningKind.NumberingStartsLater, "80")], tasks[0].Warnings);
        Assert.Empty(tasks[1].Warnings);
    }

    [Fact]
    public void Chinese_numbers_in_parentheses_or_with_a_comma_are_labels_without_the_decoration()
    {
        var tasks = Parse(
            Header,
            ["（一）", "制定措施", "市科技局", "2026年底前"],
            ["（二）", "建设平台", "市发改委", "持续推进"],
            ["三、", "完善政策", "市财政局", "每年"]);

        Assert.Equal(["一", "二", "三"], tasks.Select(t => t.Label));
    }

    [Theory]
    [InlineData("1.", "2.", "3.")]
    [InlineData("1、", "2、", "3、")]
    [InlineData("1．", "2．", "3．")]
    [InlineData("（1）", "（2）", "(3)")]
    [InlineData("1）", "2)", "3）")]
    [InlineData("1.", "2、", "3")]
    public void Numbers_with_the_mark_clerks_add_are_labels_without_it(string first, string second, string third)
    {
        var tasks = Parse(
            Header,
            [first, "制定措施", "市科技局", "2026年底前"],
            [second, "建设平台", "市发改委", "持续推进"],
            [third, "完善政策", "市财政局", "每年"]);

        Assert.Equal(["1", "2", "3"], tasks.Select(t => t.Label));
        Assert.All(tasks, t => Assert.Empty(t.Warnings));
    }

    [Fact]
    public void Full_width_numbers_are_read_as_half_width_labels()
    {
        var tasks = Parse(Header, ["３．１", "制定措施", "市科技局", "2026年底前"], ["３．２", "建设平台", "市发改委", "持续推进"]);

        Assert.Equal(["3.1", "3.2"], tasks.Select(t => t.Label));
        Assert.Equal(PlanWarningKind.NumberingStartsLater, Assert.Single(tasks[0].Warnings).Kind);
    }

    [Fact]
    public void Numbering_that_restarts_per_section_keeps_unique_labels_the_tasks_numbers()
    {
        var tasks = Parse(
            Header,
            ["一、推动芯片全链发展", "", "", ""],
            ["1", "制定措施", "市科技局", "2026年底前"],
            ["二、优化创新生态", "", "", ""],
            ["1", "完善政策", "市财政局", "每年"]);

        Assert.Equal(["1", "2"], tasks.Select(t => t.Label));
        Assert.Equal([null, "1"], tasks.Select(t => t.WrittenNumber));
    }

    [Fact]
    public void The_shipped_plans_labels_are_its_numbers()
    {
        var tasks = ShippedPlan.Parse();

        Assert.Equal(Enumerable.Range(1, 119).Select(n => n.ToString()), tasks.Select(t => t.Label));
        Assert.All(tasks, t => Assert.DoesNotContain(t.Warnings, w => w.Kind == PlanWarningKind.NumberingStartsLater));
    }

    [Theory]
    [InlineData("3.2", "3.2")]
    [InlineData("３．２", "3.2")]
    [InlineData("第3.2项", "3.2")]
    [InlineData("第 61 条", "61")]
    [InlineData("061", "61")]
    [InlineData("（一）", "一")]
    [InlineData("第十二项", "十二")]
    [InlineData("3.", "3")]
    [InlineData("（3）", "3")]
    [InlineData("3.2、", "3.2")]
    [InlineData("三点二", null)]
    [InlineData("abc", null)]
    public void A_typed_number_reads_as_the_label_it_means(string typed, string? label) =>
        Assert.Equal(label, TaskNumbering.LabelTyped(typed));

    [Fact]
    public void Import_keeps_label_and_section_with_the_task_and_a_changed_label_is_a_change()
    {
        var parsed = Parse(Header, ["一、推动芯片全链发展", "", "", ""], ["3.1", "制定措施", "科技厅", "2026年底前"]);
        var first = PlanImport.Prepare(parsed, [], []);

        Assert.Equal(("3.1", "一、推动芯片全链发展"), (first.Tasks[0].Label, first.Tasks[0].Section));

        var renumbered = Parse(Header, ["4.1", "制定措施", "科技厅", "2026年底前"]);
        var second = PlanImport.Prepare(renumbered, first.NewDepartments, first.Tasks);
        Assert.Single(second.Changed);
        Assert.Empty(PlanImport.Prepare(renumbered, first.NewDepartments, second.Tasks).Changed);
    }
}
