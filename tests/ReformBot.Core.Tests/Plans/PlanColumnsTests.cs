using ReformBot.Core.Plans;
using static ReformBot.Core.Tests.Plans.PlanText;

namespace ReformBot.Core.Tests.Plans;

/// <summary>Columns found by what their header means, with the words real plans use.</summary>
public class PlanColumnsTests
{
    private static ParsedTask Single(params string[][] rows) =>
        PlanTableParser.Parse(string.Join("\n", rows.Select(r => string.Join("\t", r)))).Single();

    [Theory]
    [InlineData("工作任务", "责任单位", "完成时限")]
    [InlineData("工作内容", "责任部门", "时间节点")]
    [InlineData("具体举措", "责任单位", "完成时间")]
    [InlineData("任务内容", "责任单位", "进度安排")]
    public void Task_department_and_schedule_columns_by_their_words(string task, string department, string schedule)
    {
        var row = Single(["序号", schedule, department, task], ["1", "2026年6月底前", "市科技局、市财政局", "制定措施"]);

        Assert.Equal("制定措施", row.Text);
        Assert.Equal("市科技局(L) 市财政局(S)", Roles(row.Departments));
        Assert.Equal(new DateOnly(2026, 6, 30), row.Schedule.DueBy);
    }

    [Theory]
    [InlineData(new[] { "序号", "重点任务", "牵头单位", "配合单位", "完成时限" }, new[] { "1", "制定措施", "市科技局", "市财政局、市人社局", "2026年底前" })]
    [InlineData(new[] { "序号", "重点任务", "配合单位", "牵头单位", "完成时限" }, new[] { "1", "制定措施", "市财政局、市人社局", "市科技局", "2026年底前" })]
    [InlineData(new[] { "序号", "重点任务", "牵头部门", "参与部门", "完成时限" }, new[] { "1", "制定措施", "市科技局", "市财政局、市人社局", "2026年底前" })]
    public void Separate_lead_and_support_columns_keep_their_roles_in_any_order(string[] header, string[] row)
    {
        Assert.Equal("市科技局(L) 市财政局(S) 市人社局(S)", Roles(Single(header, row).Departments.OrderBy(d => d.Role).ToList()));
    }

    [Fact]
    public void A_two_level_header_责任单位_over_牵头_and_配合()
    {
        var row = Single(
            ["序号", "重点任务", "责任单位", "", "完成时限"],
            ["", "", "牵头单位", "配合单位", ""],
            ["1", "制定措施", "市科技局", "市财政局", "2026年底前"],
            ["序号", "重点任务", "责任单位", "", "完成时限"],
            ["", "", "牵头单位", "配合单位", ""]);

        Assert.Equal("市科技局(L) 市财政局(S)", Roles(row.Departments));
        Assert.Equal("制定措施", row.Text);
    }

    [Fact]
    public void Columns_of_people_and_remarks_are_never_departments()
    {
        var row = Single(
            ["序号", "重点任务", "责任领导", "责任单位", "联系人", "联系电话", "完成时限", "备注"],
            ["1", "制定措施", "王副市长", "市科技局", "张伟", "0991-1234567", "2026年底前", "市财政局配合"]);

        Assert.Equal("市科技局(L)", Roles(row.Departments));
        Assert.Equal("制定措施", row.Text);
    }
}
