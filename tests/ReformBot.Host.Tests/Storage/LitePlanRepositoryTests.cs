using ReformBot.Core.Departments;
using ReformBot.Core.Plans;
using ReformBot.Host.Seeding;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

public sealed class LitePlanRepositoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("  leading and trailing spaces  ")]
    [InlineData("line one\nline two\r\n\ttabbed")]
    [InlineData("全角　空格与 emoji 😀 与 \"quotes\"")]
    public void Task_text_and_names_round_trip_exactly_through_the_file(string text)
    {
        var task = new PlanTask(1, text,
            [new TaskDepartment(" 科技厅 ", DepartmentRole.Lead), new TaskDepartment("", DepartmentRole.Support)],
            new Schedule(" 持续推进 ", 2016, 2017, null, true));
        var department = new Department("外（侨）办", "", [" 外办", ""]);

        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var plans = new LitePlanRepository(store);
            plans.AddDepartments([department]);
            plans.Apply(PlanImport.Prepare([], [], []) with { Tasks = [task], Added = [task] });
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var repository = new LitePlanRepository(reopened);
        Assert.True(task.SameAs(repository.FindTask(1)!));
        Assert.True(department.SameAs(repository.Departments().Single()));
    }

    [Fact]
    public void A_due_date_and_every_year_round_trip_through_the_file()
    {
        var task = new PlanTask(1, "任务", [new TaskDepartment("科技厅", DepartmentRole.Lead)],
            new Schedule("2026年6月底前，每年", null, 2026, null, false, new DateOnly(2026, 6, 30), EveryYear: true));

        using (var store = new LiteDbStore(_dir.DatabasePath))
            new LitePlanRepository(store).Apply(PlanImport.Prepare([], [], []) with { Tasks = [task], Added = [task] });

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        Assert.Equal(task.Schedule, new LitePlanRepository(reopened).FindTask(1)!.Schedule);
    }

    [Fact]
    public void Label_and_section_round_trip_and_a_typed_label_finds_its_task()
    {
        var task = new PlanTask(7, "任务", [new TaskDepartment("科技厅", DepartmentRole.Lead)], Schedule.Empty)
        {
            Label = "3.2",
            Section = "三、优化创新生态",
        };

        using (var store = new LiteDbStore(_dir.DatabasePath))
            new LitePlanRepository(store).Apply(PlanImport.Prepare([], [], []) with { Tasks = [task], Added = [task] });

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var plans = new LitePlanRepository(reopened);
        Assert.True(task.SameAs(plans.FindTask(7)!));
        Assert.All(["3.2", "３．２", "第3.2项", " 3.2 "], typed => Assert.Equal(7, plans.FindByLabel(typed)?.Number));
        Assert.Null(plans.FindByLabel("7"));
        Assert.Null(plans.FindByLabel("3.3"));
    }

    [Fact]
    public void Chinese_numerals_are_task_numbers_only_in_a_plan_numbered_with_them()
    {
        var parsed = PlanTableParser.Parse(TestFiles.Plan(["（一）", "任务一", "科技厅", "持续推进"], ["（二）", "任务二", "财政厅", "持续推进"]));
        using var store = new LiteDbStore(_dir.DatabasePath);
        var plans = new LitePlanRepository(store);
        plans.Apply(PlanImport.Prepare(parsed, [], []));

        Assert.Equal(2, plans.FindByLabel("第二项")?.Number);
        Assert.Equal(2, plans.FindByLabel("（二）")?.Number);
        Assert.Null(plans.FindByLabel("2"));

        plans.Apply(PlanImport.Prepare(PlanTableParser.Parse(TestFiles.Plan(["1", "任务一", "科技厅", "持续推进"])), plans.Departments(), plans.Tasks()));
        Assert.Equal("1", plans.ReadLabel("１"));
        Assert.Null(plans.ReadLabel("一"));
    }

    [Fact]
    public void A_task_stored_before_labels_is_labelled_by_its_number_and_has_no_section()
    {
        using (var store = new LiteDbStore(_dir.DatabasePath))
            store.Tasks.Insert(new TaskDocument { Id = 61, Text = "任务", Departments = [new() { Name = "科技厅", Role = DepartmentRole.Lead }] });

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var plans = new LitePlanRepository(reopened);
        Assert.Equal(("61", null), (plans.FindTask(61)!.Label, plans.FindTask(61)!.Section));
        Assert.Equal(61, plans.FindByLabel("061")?.Number);
    }

    [Fact]
    public void Importing_the_same_plan_again_changes_nothing()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var importer = new PlanImporter(new LitePlanRepository(store));

        var first = importer.Import(TestFiles.ShippedPlan, dryRun: false);
        var second = importer.Import(TestFiles.ShippedPlan, dryRun: false);

        Assert.Equal(119, first.Added.Count);
        Assert.False(second.HasChanges);
        Assert.Equal(119, second.UnchangedCount);
    }

    [Fact]
    public void A_dry_run_writes_nothing()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var plans = new LitePlanRepository(store);

        var import = new PlanImporter(plans).Import(TestFiles.ShippedPlan, dryRun: true);

        Assert.Equal(119, import.Added.Count);
        Assert.Empty(plans.Tasks());
        Assert.Empty(plans.Departments());
    }

    [Fact]
    public void A_revised_plan_updates_adds_and_removes_tasks_in_table_order()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var plans = new LitePlanRepository(store);
        var importer = new PlanImporter(plans);
        importer.Import(TestFiles.Plan(["1", "任务一", "科技厅", "持续推进"], ["2", "任务二", "财政厅", "2017年完成"]), dryRun: false);

        var revision = importer.Import(
            TestFiles.Plan(["1", "任务一（修订）", "科技厅、财政厅", "持续推进"], ["2", "任务三", "教育厅", ""], ["3", "任务四", "教育厅", ""]),
            dryRun: false);

        Assert.Equal([1, 2], revision.Changed.Select(c => c.After.Number));
        Assert.Equal([3], revision.Added.Select(t => t.Number));
        Assert.Equal(["任务一（修订）", "任务三", "任务四"], plans.Tasks().Select(t => t.Text));
        Assert.Equal(["科技厅", "财政厅", "教育厅"], plans.Departments().Select(d => d.Name));

        var shorter = importer.Import(TestFiles.Plan(["1", "任务一（修订）", "科技厅、财政厅", "持续推进"]), dryRun: false);
        Assert.Equal([2, 3], shorter.Removed.Select(t => t.Number));
        Assert.Equal([1], plans.Tasks().Select(t => t.Number));
    }

    [Fact]
    public void The_plan_is_read_once_and_read_again_after_an_import_through_any_repository_of_the_store()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);
        var importing = new LitePlanRepository(store);
        var reading = new LitePlanRepository(store);
        new PlanImporter(importing).Import(TestFiles.Plan(["1", "任务一", "科技厅", "持续推进"]), dryRun: false);

        var tasks = reading.Tasks();
        Assert.Same(tasks, reading.Tasks());
        Assert.Same(reading.Departments(), reading.Departments());

        new PlanImporter(importing).Import(TestFiles.Plan(["1", "任务一（修订）", "科技厅、财政厅", "持续推进"], ["2", "任务二", "教育厅", "2018年完成"]), dryRun: false);
        Assert.Equal(["任务一（修订）", "任务二"], reading.Tasks().Select(t => t.Text));
        Assert.Equal("任务二", reading.FindTask(2)!.Text);
        Assert.Contains("教育厅", reading.Departments().Select(d => d.Name));
    }

    [Fact]
    public void A_failed_transaction_leaves_the_file_as_it_was()
    {
        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            var plans = new LitePlanRepository(store);
            new PlanImporter(plans).Import(TestFiles.Plan(["1", "任务一", "科技厅", "持续推进"]), dryRun: false);

            var changed = new PlanTask(1, "不该写入", [new TaskDepartment("科技厅", DepartmentRole.Lead)], Schedule.Empty);
            Assert.Throws<InvalidOperationException>(() => store.InTransaction<int>(() =>
            {
                store.Tasks.Upsert(TaskDocument.From(changed));
                store.Departments.Insert(DepartmentDocument.From(new Department("新部门", null, []), 9));
                throw new InvalidOperationException("fails after writing");
            }));
        }

        using var reopened = new LiteDbStore(_dir.DatabasePath);
        var after = new LitePlanRepository(reopened);
        Assert.Equal("任务一", after.FindTask(1)!.Text);
        Assert.Equal(["科技厅"], after.Departments().Select(d => d.Name));
    }
}
