using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

/// <summary>Rows whose cells do not line up with the header are read, and named in the preview.</summary>
public class PlanAlignmentWarningsTests
{
    private const string Header = "序号\t重点任务\t责任部门\t时间进度";

    private static string Warnings(params string[] rows) =>
        string.Join(" | ", PlanTableParser.Parse(string.Join("\n", [Header, .. rows]))
            .Select(t => string.Join(" ", t.Warnings.Select(w => $"{w.Kind}:{w.Detail}"))));

    [Fact]
    public void A_schedule_in_the_department_column_and_units_in_the_schedule_column()
    {
        // The two cells swapped: each is named, and the units are not also called a schedule not understood.
        Assert.Equal("ScheduleInDepartmentCell:2026年6月底前 UnitsInScheduleCell:省财政厅、省科技厅",
            Warnings("1\t制定支持芯片产业发展的若干措施\t2026年6月底前\t省财政厅、省科技厅"));
    }

    [Fact]
    public void A_row_with_fewer_cells_than_the_header_that_never_reaches_a_column()
    {
        Assert.Equal("MissingCells:时间进度", Warnings("1\t建设集成电路公共服务平台\t科技厅"));
        // Only the short row is named, not the full one below it.
        Assert.Equal("MissingCells:时间进度 | ", Warnings("1\t建设平台\t科技厅", "2\t完善人才评价\t人社厅\t持续推进"));
    }

    [Fact]
    public void Rows_that_line_up_have_no_alignment_warning()
    {
        Assert.Equal(" | ScheduleNotUnderstood:秋季", Warnings(
            "1\t建设集成电路公共服务平台\t科技厅、财政厅\t2026年底前",
            "2\t开展科技人才评价改革\t人社厅\t秋季启动"));
        // A row broken across a page: its continuation fills the columns it had not reached.
        Assert.Equal("", Warnings("1\t建设集成电路公共\t科技厅", "\t服务平台\t\t持续推进"));
        // An empty schedule cell is the office's choice, not a missing cell.
        Assert.Equal("", Warnings("1\t建设集成电路公共服务平台\t科技厅\t"));
    }
}
