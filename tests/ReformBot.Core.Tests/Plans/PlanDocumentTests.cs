using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

/// <summary>The parser reads any format's rows: tables of cells with their locations, not only tab text.</summary>
public class PlanDocumentTests
{
    private static PlanRow Row(int table, int line, params string[] cells) => new(cells, new PlanLocation(line, Table: table));

    private static PlanDocument Word(params PlanTable[] tables) => new(PlanFileFormat.Word, null, tables, []);

    [Fact]
    public void Rows_of_a_table_give_tasks_with_their_row_in_the_table_and_cells_of_several_lines()
    {
        var tasks = PlanTableParser.Parse(Word(new PlanTable(
        [
            Row(1, 1, "序号", "重点任务", "责任部门", "时间进度"),
            Row(1, 2, "1", "制定科技型企业的\n条件和标准", "科技厅", "2017年完成"),
            Row(1, 3, "2", "任务二", "科技厅、发改委", "2016年启动，\n持续推进"),
        ])));

        Assert.Equal([2, 3], tasks.Select(t => t.Line));
        Assert.Equal("制定科技型企业的条件和标准", tasks[0].Text);
        Assert.Equal(new Schedule("2016年启动，持续推进", 2016, null, null, true), tasks[1].Schedule);
    }

    [Fact]
    public void A_table_broken_at_a_page_continues_in_the_next_table_of_as_many_columns()
    {
        var tasks = PlanTableParser.Parse(Word(
            new PlanTable([Row(1, 1, "附件", "说明")]),
            new PlanTable([Row(2, 1, "序号", "重点任务", "责任部门", "时间进度"), Row(2, 2, "1", "任务一", "科技厅", "持续推进")]),
            new PlanTable([Row(3, 1, "2", "任务二", "发改委", "持续推进")]),
            new PlanTable([Row(4, 1, "联系人", "电话"), Row(4, 2, "张三", "123")])));

        Assert.Equal(["任务一", "任务二"], tasks.Select(t => t.Text));
    }

    [Fact]
    public void Errors_name_the_table_and_row()
    {
        var error = Assert.Throws<PlanFormatException>(() => PlanTableParser.Parse(Word(
            new PlanTable([Row(2, 1, "序号", "重点任务", "责任部门", "时间进度"), Row(2, 2, "1", "任务一", "科技厅", "持续推进"), Row(2, 3, "3", "任务三", "科技厅", "持续推进")])))).Error;

        Assert.Equal(new PlanFormatError(PlanFormatErrorKind.MissingNumber, new PlanLocation(3, Table: 2), "2"), error);
    }

    [Fact]
    public void A_workbook_reads_only_the_sheet_with_the_header()
    {
        PlanRow Sheet(string sheet, int line, params string[] cells) => new(cells, new PlanLocation(line, Sheet: sheet));
        var tasks = PlanTableParser.Parse(new PlanDocument(PlanFileFormat.Excel, null,
        [
            new PlanTable([Sheet("说明", 1, "填表说明", "")]),
            new PlanTable([Sheet("任务", 1, "序号", "重点任务", "责任部门", "时间进度"), Sheet("任务", 2, "1", "任务一", "科技厅", "持续推进")]),
            new PlanTable([Sheet("汇总", 1, "合计", "1", "", "")]),
        ], []));

        Assert.Equal(["任务一"], tasks.Select(t => t.Text));
    }
}
