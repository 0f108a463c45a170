using ReformBot.Core.Departments;
using ReformBot.Core.Plans;
using static ReformBot.Core.Tests.Plans.PlanText;

namespace ReformBot.Core.Tests.Plans;

public class PlanImportTests
{
    private static PlanImport Prepare(string planText, IReadOnlyList<PlanTask> current, IEnumerable<Department>? known = null) =>
        PlanImport.Prepare(PlanTableParser.Parse(planText), known ?? ShippedPlan.Departments, current);

    private static ParsedTask Parsed(int number, string text, params TaskDepartment[] departments) =>
        new(number, text, departments, ScheduleParser.Parse("持续推进"), number + 1);

    private static TaskDepartment Lead(string name) => new(name, DepartmentRole.Lead);
    private static TaskDepartment Support(string name) => new(name, DepartmentRole.Support);

    /// <summary>The shipped plan's lines with one table row (found by its number cell) rewritten or, for null, removed.</summary>
    private static string EditShippedRow(string text, int number, Func<string[], string[]?> edit)
    {
        var lines = text.Split('\n').ToList();
        var index = lines.FindIndex(l => l.Split('\t')[0] == number.ToString());
        Assert.True(index >= 0, $"row {number} not found");
        var cells = edit(lines[index].Split('\t'));
        if (cells is null) lines.RemoveAt(index);
        else lines[index] = Row(cells);
        return string.Join("\n", lines);
    }

    [Fact]
    public void First_import_adds_every_task()
    {
        var import = Prepare(ShippedPlan.Text, []);

        Assert.True(import.HasChanges);
        Assert.Equal(Enumerable.Range(1, 119), import.Added.Select(t => t.Number));
        Assert.Same(import.Tasks[0], import.Added[0]);
        Assert.Empty(import.Changed);
        Assert.Empty(import.Removed);
        Assert.Empty(import.NewDepartments);
        Assert.Equal(0, import.UnchangedCount);
    }

    [Fact]
    public void Same_plan_twice_changes_nothing()
    {
        var first = Prepare(ShippedPlan.Text, []);

        var second = Prepare(ShippedPlan.Text, first.Tasks);

        Assert.False(second.HasChanges);
        Assert.Empty(second.Added);
        Assert.Empty(second.Changed);
        Assert.Empty(second.Removed);
        Assert.Empty(second.NewDepartments);
        Assert.Equal(119, second.UnchangedCount);
        Assert.Equal(119, second.Tasks.Count);
    }

    [Fact]
    public void Same_plan_twice_with_its_new_departments_stored_changes_nothing()
    {
        var plan = Plan(
            Header,
            Row("1", "任务一", "科技厅、数据局", "持续推进"),
            Row("2", "任务二", "数据局", "2017年完成"));
        IReadOnlyList<Department> known = [new("科技厅", null, [])];

        var first = Prepare(plan, [], known);
        var second = Prepare(plan, first.Tasks, [.. known, .. first.NewDepartments]);

        Assert.Equal(["数据局"], first.NewDepartments.Select(d => d.Name));
        Assert.False(second.HasChanges);
        Assert.Equal(2, second.UnchangedCount);
    }

    [Fact]
    public void Plan_copied_through_another_tool_changes_nothing()
    {
        // Windows line endings, extraction spaces in a name and the full name in place of the short one.
        var first = Prepare(ShippedPlan.Text, []);
        var copy = EditShippedRow(ShippedPlan.Text, 9, c => [c[0], c[1], "新疆维吾尔自治区科学技术厅", c[3]]);
        copy = EditShippedRow(copy, 12, c => [c[0], c[1], "财 政厅", c[3]]).Replace("\n", "\r\n");

        var second = Prepare(copy, first.Tasks);

        Assert.False(second.HasChanges);
    }

    [Fact]
    public void Revised_shipped_plan_gives_exactly_its_changes()
    {
        var current = Prepare(ShippedPlan.Text, []).Tasks;
        var revised = ShippedPlan.Text;
        // Task 5: text changed.
        revised = EditShippedRow(revised, 5, c => [c[0], c[1] + "，做好政策宣传解读", c[2], c[3]]);
        // Tasks 34, 104 and 106: departments named through other aliases of the same departments.
        revised = EditShippedRow(revised, 34, c => [c[0], c[1], "科技厅、自治区党委组织部，教育厅、财政厅、人社厅、国资委", c[3]]);
        revised = EditShippedRow(revised, 104, c => [c[0], c[1], "经信委、新疆银监局、环境保护厅、卫计委、文化厅、教育厅", c[3]]);
        revised = EditShippedRow(revised, 106, c => [c[0], c[1], c[2].Replace("环保厅", "自治区环保厅"), c[3]]);
        // Task 119: removed (the last row, so the numbering stays whole).
        revised = EditShippedRow(revised, 119, _ => null);

        var import = Prepare(revised, current);

        Assert.True(import.HasChanges);
        Assert.Empty(import.Added);
        var (before, after) = Assert.Single(import.Changed);
        Assert.Equal(5, before.Number);
        Assert.Equal("研究落实国家现行研究开发费用税前加计扣除政策", before.Text);
        Assert.Equal("研究落实国家现行研究开发费用税前加计扣除政策，做好政策宣传解读", after.Text);
        Assert.Equal(Roles(before.Departments), Roles(after.Departments));
        Assert.Equal([119], import.Removed.Select(t => t.Number));
        Assert.Empty(import.NewDepartments);
        Assert.Equal(117, import.UnchangedCount);
        Assert.Equal(118, import.Tasks.Count);
    }

    [Fact]
    public void Revised_shipped_plan_with_a_task_appended_adds_it()
    {
        var current = Prepare(ShippedPlan.Text, []).Tasks;
        var revised = ShippedPlan.Text.TrimEnd('\n') + "\n" + Row("120", "建设自治区科技大数据平台", "科技厅、数据局", "2018年完成") + "\n";

        var import = Prepare(revised, current);

        var added = Assert.Single(import.Added);
        Assert.Equal(120, added.Number);
        Assert.Equal("建设自治区科技大数据平台", added.Text);
        Assert.Equal("科技厅(L) 数据局(S)", Roles(added.Departments));
        Assert.Equal(2018, added.Schedule.DueYear);
        Assert.Equal(["数据局"], import.NewDepartments.Select(d => d.Name));
        Assert.Empty(import.Changed);
        Assert.Empty(import.Removed);
        Assert.Equal(119, import.UnchangedCount);
    }

    [Fact]
    public void Revision_with_a_change_an_addition_a_removal_and_a_renamed_department()
    {
        // The store as a list: tasks 1, 2, 3 and 5. The revised plan has 1–4: task 2's text changed,
        // task 3 names 环保厅 through an alias, task 4 is new, task 5 is gone.
        var schedule = ScheduleParser.Parse("持续推进");
        IReadOnlyList<PlanTask> current =
        [
            new(1, "任务一", [Lead("科技厅")], schedule),
            new(2, "任务二", [Lead("发改委"), Support("财政厅")], ScheduleParser.Parse("2017年完成")),
            new(3, "任务三", [Lead("环保厅"), Support("科技厅")], ScheduleParser.Parse("2016年启动")),
            new(5, "任务五", [Lead("财政厅")], schedule),
        ];
        var revised = Plan(
            Header,
            Row("1", "任务一", "科技厅", "持续推进"),
            Row("2", "任务二（修订）", "发改委、财政厅", "2017年完成"),
            Row("3", "任务三", "自治区环保厅、科技厅", "2016年启动"),
            Row("4", "任务四", "财政厅", "持续推进"));

        var import = Prepare(revised, current);

        Assert.Equal([4], import.Added.Select(t => t.Number));
        var (before, after) = Assert.Single(import.Changed);
        Assert.Same(current[1], before);
        Assert.Equal(("任务二", "任务二（修订）"), (before.Text, after.Text));
        Assert.Equal([5], import.Removed.Select(t => t.Number));
        Assert.Same(current[3], import.Removed[0]);
        Assert.Empty(import.NewDepartments);
        Assert.Equal(2, import.UnchangedCount);
        Assert.Equal("环保厅(L) 科技厅(S)", Roles(import.Tasks[2].Departments));
    }

    [Theory]
    [InlineData("科技厅、发改委", "2017年完成", false)]
    [InlineData("科技厅、发改委", "2018年完成", true)]     // schedule
    [InlineData("发改委、科技厅", "2017年完成", true)]     // order, and so the lead
    [InlineData("科技厅、发改委按职能分别牵头", "2017年完成", true)]   // roles
    [InlineData("科技厅、发改委、财政厅", "2017年完成", true)]         // one more department
    [InlineData("科学技术厅、自治区发改委", "2017年完成", false)]      // aliases only
    [InlineData("科 技厅、发改委等", "2017年完成", false)]            // extraction spaces and 等
    public void A_task_changes_when_its_schedule_or_departments_change(string departments, string schedule, bool changed)
    {
        var current = Prepare(Plan(Header, Row("1", "任务", "科技厅、发改委", "2017年完成")), []).Tasks;

        var import = Prepare(Plan(Header, Row("1", "任务", departments, schedule)), current);

        Assert.Equal(changed, import.Changed.Count == 1);
        Assert.Equal(changed, import.HasChanges);
        Assert.Empty(import.Added);
        Assert.Empty(import.Removed);
    }

    [Fact]
    public void Unknown_names_become_new_departments_once()
    {
        var plan = Plan(
            Header,
            Row("1", "任务一", "科技厅、数据局", "持续推进"),
            Row("2", "任务二", "数据局、外(侨)办", "持续推进"),
            Row("3", "任务三", "外（侨）办、数 据局、网信办", "持续推进"),
            Row("4", "任务四", "网信办", "持续推进"));
        IReadOnlyList<Department> known = [new("科技厅", null, [])];

        var import = Prepare(plan, [], known);

        Assert.Equal(["数据局", "外(侨)办", "网信办"], import.NewDepartments.Select(d => d.Name));
        Assert.All(import.NewDepartments, d =>
        {
            Assert.Null(d.FullName);
            Assert.Empty(d.Aliases);
        });
        Assert.Equal("科技厅(L) 数据局(S)", Roles(import.Tasks[0].Departments));
        Assert.Equal("数据局(L) 外(侨)办(S)", Roles(import.Tasks[1].Departments));
        Assert.Equal("外(侨)办(L) 数据局(S) 网信办(S)", Roles(import.Tasks[2].Departments));
        Assert.Equal("网信办(L)", Roles(import.Tasks[3].Departments));
    }

    [Fact]
    public void Known_names_in_any_form_are_no_new_departments()
    {
        var plan = Plan(Header, Row("1", "任务一", "外(侨)办、科学技术厅、自治区财政厅", "持续推进"));

        var import = Prepare(plan, []);

        Assert.Empty(import.NewDepartments);
        Assert.Equal("外（侨）办(L) 科技厅(S) 财政厅(S)", Roles(import.Tasks[0].Departments));
    }

    [Theory]
    [InlineData("环保厅、科技厅、自治区环保厅", "环保厅(L) 科技厅(S)")]
    [InlineData("科技厅、环保厅、自治区环保厅", "科技厅(L) 环保厅(S)")]
    [InlineData("自治区环保厅、环境保护厅按职能分别牵头", "环保厅(L)")]
    [InlineData("外（侨）办、科技厅、外(侨)办", "外（侨）办(L) 科技厅(S)")]
    [InlineData("科技厅、党委组织部、自治区党委组织部牵头、财政厅", "科技厅(L) 自治区党委组织部(L) 财政厅(S)")]
    [InlineData("数据局、科技厅、数 据局", "数据局(L) 科技厅(S)")]
    public void Department_listed_twice_under_two_names_is_listed_once(string cell, string expected)
    {
        var import = Prepare(Plan(Header, Row("1", "任务", cell, "持续推进")), []);

        Assert.Equal(expected, Roles(import.Tasks[0].Departments));
        Assert.True(import.NewDepartments.Count <= 1);
    }

    [Fact]
    public void Department_listed_twice_leads_if_the_later_occurrence_leads()
    {
        ParsedTask[] parsed =
        [
            Parsed(1, "任务一", Lead("科技厅"), Support("环保厅"), Lead("自治区环保厅")),
            Parsed(2, "任务二", Lead("自治区环保厅"), Support("科技厅"), Support("环保厅")),
            Parsed(3, "任务三", Support("数据局"), Lead("科技厅"), Lead("数据局")),
        ];

        var import = PlanImport.Prepare(parsed, ShippedPlan.Departments, []);

        Assert.Equal("科技厅(L) 环保厅(L)", Roles(import.Tasks[0].Departments));
        Assert.Equal("环保厅(L) 科技厅(S)", Roles(import.Tasks[1].Departments));
        Assert.Equal("数据局(L) 科技厅(L)", Roles(import.Tasks[2].Departments));
        Assert.Equal(["数据局"], import.NewDepartments.Select(d => d.Name));
    }

    [Fact]
    public void Tasks_keep_the_parsed_numbers_texts_and_schedules()
    {
        var parsed = PlanTableParser.Parse(ShippedPlan.Text);

        var import = PlanImport.Prepare(parsed, ShippedPlan.Departments, []);

        Assert.Equal(parsed.Select(p => (p.Number, p.Text, p.Schedule)), import.Tasks.Select(t => (t.Number, t.Text, t.Schedule)));
        Assert.Equal(parsed.Select(p => p.Departments.Select(d => d.Role).ToList()),
            import.Tasks.Select(t => t.Departments.Select(d => d.Role).ToList()));
    }
}
