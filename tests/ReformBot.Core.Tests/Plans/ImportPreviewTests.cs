using ReformBot.Core.Departments;
using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

public class ImportPreviewTests
{
    private static ImportPreview Preview(string departments, string schedule = "持续推进", params Department[] directory)
    {
        var plan = TabSeparatedText.Read($"2026年工作要点\n序号\t重点任务\t责任单位\t完成时限\n1\t任务一\t{departments}\t{schedule}");
        var parsed = PlanTableParser.Parse(plan);
        return ImportPreview.Of(parsed, PlanImport.Prepare(parsed, directory, []));
    }

    [Theory]
    [InlineData("各有关单位", PlanWarningKind.GenericUnit)]
    [InlineData("市科技局、市直有关部门", PlanWarningKind.GenericUnit)]
    [InlineData("张伟", PlanWarningKind.PersonLikeDepartment)]
    [InlineData("市科技局、王局长", PlanWarningKind.PersonLikeDepartment)]
    [InlineData("加强科技成果转化工作并建立年度报告制度的有关牵头部门", PlanWarningKind.SentenceLikeDepartment)]
    public void Suspicious_departments_are_warned_about(string cell, PlanWarningKind kind)
    {
        Assert.Equal([kind], Preview(cell).Tasks.Single().Warnings.Select(w => w.Kind));
    }

    [Fact]
    public void A_department_the_directory_declares_is_never_suspicious()
    {
        Assert.Empty(Preview("侨联", directory: new Department("侨联", null, [])).Tasks.Single().Warnings);
        Assert.Empty(Preview("王伟", directory: new Department("王伟", null, [])).Tasks.Single().Warnings);
        Assert.Equal([PlanWarningKind.PersonLikeDepartment], Preview("王伟").Tasks.Single().Warnings.Select(w => w.Kind));
    }

    [Fact]
    public void A_schedule_not_understood_is_warned_about_and_年底前_is_the_titles_year()
    {
        Assert.Equal([new PlanWarning(PlanWarningKind.ScheduleNotUnderstood, "秋季")], Preview("市科技局", "秋季启动").Tasks.Single().Warnings);
        var preview = Preview("市科技局", "年底前");
        Assert.Empty(preview.Tasks.Single().Warnings);
        Assert.Equal(new DateOnly(2026, 12, 31), preview.Tasks.Single().Task.Schedule.DueBy);
    }

    [Fact]
    public void Names_written_otherwise_than_their_department_are_listed_once()
    {
        var ndrc = new Department("发改委", "新疆维吾尔自治区发展和改革委员会", ["发展改革委"]);
        var preview = Preview("发展改革委、发改委、发 展改革委", directory: ndrc);

        Assert.Equal([new DepartmentMapping("发展改革委", ndrc)], preview.Import.Mappings);
    }

    [Fact]
    public void The_shipped_plan_previews_without_a_warning()
    {
        var preview = ImportPreview.Of(ShippedPlan.Parse(), ShippedPlan.Import());

        Assert.Equal(0, preview.WarningCount);
        Assert.Equal(119, preview.Tasks.Count);
    }
}
