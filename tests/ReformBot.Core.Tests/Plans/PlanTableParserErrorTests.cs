using ReformBot.Core.Plans;
using static ReformBot.Core.Tests.Plans.PlanText;

namespace ReformBot.Core.Tests.Plans;

/// <summary>Every way a plan is refused: the kind of error and the 1-based line the office must look at.</summary>
public class PlanTableParserErrorTests
{
    private static readonly string R1 = Row("1", "任务一", "科技厅", "持续推进");
    private static readonly string R2 = Row("2", "任务二", "发改委", "2017年完成");
    private static readonly string R3 = Row("3", "任务三", "财政厅", "2016年启动");

    /// <summary>Case name, plan text, expected kind, expected line, expected detail (null: not checked).</summary>
    public static TheoryData<string, string, PlanFormatErrorKind, int, string?> Cases => new()
    {
        // No header at all.
        { "empty text", "", PlanFormatErrorKind.NoTable, 1, null },
        { "prose only", Plan("关于深化科技体制改革的实施方案", "", "一、总体要求"), PlanFormatErrorKind.NoTable, 1, null },
        { "rows without a header", Plan("重点任务分工及进度安排表", R1, R2), PlanFormatErrorKind.NoTable, 1, null },
        { "header without 序号", Plan("附件", Row("编号", "重点任务", "责任部门", "时间进度"), R1), PlanFormatErrorKind.NoTable, 1, null },

        // A header but no rows.
        { "header only", Plan("附件", "", Header), PlanFormatErrorKind.NoTable, 3, null },
        { "header, page number, repeated header", Plan("附件", Header, "", "— 1 —", Header, ""), PlanFormatErrorKind.NoTable, 2, null },

        // A header lacking a column.
        { "no department column", Plan("附件", Row("序号", "重点任务", "时间进度"), R1), PlanFormatErrorKind.MissingColumn, 2, "责任部门" },
        { "no schedule column", Plan(Row("序号", "重点任务", "责任部门"), R1), PlanFormatErrorKind.MissingColumn, 1, "时间进度" },
        { "no task column", Plan("", "", Row("序号", "内容", "责任部门", "时间进度"), R1), PlanFormatErrorKind.MissingColumn, 3, "重点任务" },
        { "number column only", Plan("附件", "", "", Row("序号", "")), PlanFormatErrorKind.MissingColumn, 4, null },

        // A row whose number cell is not a number.
        { "Chinese numeral", Plan(Header, R1, Row("二", "任务二", "科技厅", "持续推进")), PlanFormatErrorKind.RowWithoutNumber, 3, "二" },
        // 1. and （1） are numbers (PlanNumberingTests); a parenthesis left open, or Chinese after 1., 2., is not.
        { "number with an open parenthesis", Plan(Header, Row("（1", "任务一", "科技厅", "持续推进")), PlanFormatErrorKind.RowWithoutNumber, 2, "（1" },
        { "Chinese number among 1., 2.", Plan(Header, Row("1.", "任务一", "科技厅", "持续推进"), Row("二、", "任务二", "科技厅", "持续推进")), PlanFormatErrorKind.RowWithoutNumber, 3, "二、" },
        { "text in the number cell", Plan("附件", Header, R1, R2, "", Header, Row("合计", "", "", "")), PlanFormatErrorKind.RowWithoutNumber, 7, "合计" },
        { "negative number", Plan(Header, R1, Row("-2", "任务二", "科技厅", "持续推进")), PlanFormatErrorKind.RowWithoutNumber, 3, "-2" },

        // A continuation line with no row before it.
        { "continuation right after the header", Plan("附件", Header, More("设一批优势学科", "", "")), PlanFormatErrorKind.ContinuationWithoutRow, 3, null },
        { "continuation after blank lines and a repeated header", Plan(Header, "", "— 1 —", Header, More("", "科技厅", "")), PlanFormatErrorKind.ContinuationWithoutRow, 5, null },

        // Too many cells.
        { "one cell too many", Plan(Header, R1, Row("2", "任务二", "科技厅", "持续推进", "备注")), PlanFormatErrorKind.TooManyCells, 3, "5" },
        { "continuation with too many cells", Plan(Header, R1, Header, Row("", "续", "", "", "", "多")), PlanFormatErrorKind.TooManyCells, 4, "6" },

        // Duplicated number.
        { "number twice in a row", Plan(Header, R1, R2, R2), PlanFormatErrorKind.DuplicateNumber, 4, "2@3" },
        { "number repeated after a page break", Plan(Header, R1, R2, "", Header, Row("1", "任务", "科技厅", "持续推进")), PlanFormatErrorKind.DuplicateNumber, 6, "1@2" },

        // Missing number.
        { "gap", Plan(Header, R1, R3), PlanFormatErrorKind.MissingNumber, 3, "2" },
        { "gap after a page break", Plan(Header, R1, R2, "", "— 1 —", Header, Row("4", "任务四", "科技厅", "持续推进")), PlanFormatErrorKind.MissingNumber, 7, "3" },
        // A table may start at any number (a later part of a plan, warned in the preview), never below its first.
        { "out of order", Plan(Header, R2, R1), PlanFormatErrorKind.MissingNumber, 2, "1" },
        { "gap in 1.1-style numbering", Plan(Header, Row("1.1", "任务", "科技厅", "持续推进"), Row("1.3", "任务", "科技厅", "持续推进")), PlanFormatErrorKind.MissingNumber, 3, "1.2" },
        { "1.1-style number twice", Plan(Header, Row("1.1", "任务", "科技厅", "持续推进"), Row("1.2", "任务", "科技厅", "持续推进"), Row("1.2", "任务", "科技厅", "持续推进")), PlanFormatErrorKind.DuplicateNumber, 4, "1.2@3" },
        { "gap in Chinese numbering", Plan(Header, Row("（一）", "任务", "科技厅", "持续推进"), Row("（三）", "任务", "科技厅", "持续推进")), PlanFormatErrorKind.MissingNumber, 3, "二" },
        { "Chinese number among 1, 2, 3", Plan(Header, R1, Row("（二）", "任务二", "科技厅", "持续推进")), PlanFormatErrorKind.RowWithoutNumber, 3, "（二）" },

        // A row with no department.
        { "empty department cell", Plan(Header, R1, Row("2", "任务二", "", "持续推进")), PlanFormatErrorKind.RowWithoutDepartment, 3, "2" },
        { "row ends after the text", Plan(Header, Row("1", "任务一")), PlanFormatErrorKind.RowWithoutDepartment, 2, "1" },
        { "department cell of spaces and separators", Plan(Header, R1, R2, Row("3", "任务三", " 、 ，", "持续推进")), PlanFormatErrorKind.RowWithoutDepartment, 4, "3" },
        { "department cell 等 only", Plan(Header, Row("1", "任务一", "等", "持续推进")), PlanFormatErrorKind.RowWithoutDepartment, 2, "1" },
        { "continuation brings text only", Plan(Header, R1, Row("2", "任务二，建", "", "持续推进"), "", Header, More("设", "", "")), PlanFormatErrorKind.RowWithoutDepartment, 3, "2" },

        // A row with no text.
        { "empty text cell", Plan(Header, Row("1", "", "科技厅", "持续推进")), PlanFormatErrorKind.RowWithoutText, 2, "1" },
        { "text cell of spaces", Plan(Header, R1, R2, Row("3", " \u3000 ", "科技厅", "持续推进")), PlanFormatErrorKind.RowWithoutText, 4, "3" },
        { "continuation brings departments only", Plan(Header, R1, Row("2", "", "科技厅、", "持续推进"), Header, More("", "发改委", "")), PlanFormatErrorKind.RowWithoutText, 3, "2" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refused_plan_names_the_kind_and_line(string name, string text, PlanFormatErrorKind kind, int line, string? detail)
    {
        var error = ParseError(text);

        Assert.True(error.Kind == kind && error.Line == line,
            $"{name}: expected {kind} at line {line}, got {error.Kind} at line {error.Line} ({error.Detail})");
        if (detail is not null) Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Line_numbers_count_lines_the_same_with_windows_line_endings()
    {
        var text = string.Join("\r\n", "附件", "", Header, R1, R3) + "\r\n";

        var error = ParseError(text);

        Assert.Equal(new PlanFormatError(PlanFormatErrorKind.MissingNumber, 5, "2"), error);
    }

    [Fact]
    public void Exception_message_names_kind_line_and_detail()
    {
        var exception = Assert.Throws<PlanFormatException>(() => PlanTableParser.Parse(Plan(Header, R1, R1)));

        Assert.Equal(new PlanFormatError(PlanFormatErrorKind.DuplicateNumber, 3, "1@2"), exception.Error);
        Assert.Contains("DuplicateNumber", exception.Message);
        Assert.Contains("line 3", exception.Message);
    }

    [Fact]
    public void Row_error_is_reported_at_the_rows_own_line_not_at_its_continuation()
    {
        var error = ParseError(Plan(
            Header,                                   // 1
            R1,                                       // 2
            Row("2", "", "", ""),                     // 3
            "",                                       // 4
            Header,                                   // 5
            More("", "", "持续推进")));                // 6

        Assert.Equal(PlanFormatErrorKind.RowWithoutText, error.Kind);
        Assert.Equal(3, error.Line);
    }
}
