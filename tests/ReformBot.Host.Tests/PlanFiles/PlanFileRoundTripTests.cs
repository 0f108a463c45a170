using System.Text;
using ReformBot.Core.Plans;
using ReformBot.Host.PlanFiles;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.PlanFiles;

/// <summary>
/// The shipped plan's 119 tasks, written in each format an office sends, read back to exactly the tasks
/// the tab-separated text gives: number, text, departments with their roles, schedule.
/// </summary>
public class PlanFileRoundTripTests
{
    private static readonly IReadOnlyList<ParsedTask> Expected = PlanTableParser.Parse(TestFiles.ShippedPlan);

    /// <summary>The shipped rows, with a cell of each column broken over lines as people type in Word and Excel.</summary>
    private static List<string[]> RowsWithLineBreaks()
    {
        var rows = PlanFileWriters.ShippedPlanRows();
        Assert.Equal(120, rows.Count);
        rows[4][1] = rows[4][1].Insert(10, "\n");                  // text broken inside a sentence
        rows[2][2] = rows[2][2].Replace("、", "、\n");             // one department a line
        rows[3][3] = rows[3][3].Replace("，", "，\n");             // 2016年启动，/持续推进
        Assert.Contains("\n", rows[3][3]);
        Assert.Contains("\n", rows[2][2]);
        return rows;
    }

    private static void AssertSameTasks(PlanDocument document)
    {
        var tasks = PlanTableParser.Parse(document);
        Assert.Equal(119, tasks.Count);
        Assert.Equal(Expected.Select(t => (t.Number, t.Text, Roles(t), t.Schedule)), tasks.Select(t => (t.Number, t.Text, Roles(t), t.Schedule)));
    }

    private static string Roles(ParsedTask task) => string.Join(" ", task.Departments.Select(d => $"{d.Name}:{d.Role}"));

    [Fact]
    public void Word_document_with_line_breaks_in_cells_and_the_header_repeated_mid_table()
    {
        var rows = RowsWithLineBreaks();
        rows[5][1] = rows[5][1].Insert(6, "\n\n");                  // a cell of two paragraphs
        rows.Insert(61, PlanFileWriters.Header);                     // header typed again at a page's top

        var document = PlanFileReader.Read(PlanFileWriters.Docx(rows), "plan.docx");

        Assert.Equal(PlanFileFormat.Word, document.Format);
        Assert.Contains("\n", document.Tables[0].Rows[3].Cells[3]);
        Assert.Contains(new PlanParagraph("附件", PlanLocation.AtParagraph(1)), document.Paragraphs);
        AssertSameTasks(document);
    }

    [Fact]
    public void Excel_workbook_with_numbers_as_numbers_and_the_table_on_its_second_sheet()
    {
        var document = PlanFileReader.Read(PlanFileWriters.Xlsx(RowsWithLineBreaks()), "plan.xlsx");

        Assert.Equal(PlanFileFormat.Excel, document.Format);
        Assert.Equal(new PlanLocation(2, Sheet: "任务分工"), document.Tables[1].Rows[1].Location);
        Assert.Equal("1", document.Tables[1].Rows[1].Cells[0]);
        AssertSameTasks(document);
    }

    [Theory]
    [InlineData("UTF-8", PlanTextDecoding.Utf8)]
    [InlineData("UTF-8 BOM", PlanTextDecoding.Utf8Bom)]
    [InlineData("UTF-16 LE", PlanTextDecoding.Utf16LE)]
    [InlineData("UTF-16 BE", PlanTextDecoding.Utf16BE)]
    [InlineData("GBK", PlanTextDecoding.Gbk)]
    public void Text_in_each_encoding_Windows_and_Excel_save(string encoding, string found)
    {
        var document = PlanFileReader.Read(Encode(TestFiles.ShippedPlan.Replace("\n", "\r\n"), encoding), "plan.txt");

        Assert.Equal((PlanFileFormat.Text, found), (document.Format, document.Encoding));
        AssertSameTasks(document);
    }

    [Fact]
    public void Excel_unicode_text_is_tab_separated_utf16_with_quoted_cells_of_several_lines()
    {
        // Excel's "Unicode 文本" writes a cell with line breaks in quotes; the tab text reader keeps lines,
        // so such a plan is read as the text it is, and the quoted cells' lines continue nothing they should not.
        var text = string.Join("\r\n", PlanFileWriters.ShippedPlanRows().Select(r => string.Join("\t", r)));

        var document = PlanFileReader.Read(Encode(text, "UTF-16 LE"), "plan.txt");

        AssertSameTasks(document);
    }

    [Theory]
    [InlineData("UTF-8 BOM")]
    [InlineData("GBK")]
    public void Csv_with_quoted_cells_holding_commas_quotes_and_line_breaks(string encoding)
    {
        var rows = RowsWithLineBreaks();
        var csv = PlanFileWriters.Csv(rows);
        Assert.Contains("\"2016年启动，\r\n持续推进\"", csv);

        var document = PlanFileReader.Read(Encode(csv, encoding), "plan.csv");

        Assert.Equal(PlanFileFormat.Csv, document.Format);
        AssertSameTasks(document);
    }

    [Fact]
    public void Csv_is_recognised_by_its_content_under_any_name()
    {
        var document = PlanFileReader.Read(Encode(PlanFileWriters.Csv(RowsWithLineBreaks()), "UTF-8"), "附件1.txt");

        Assert.Equal(PlanFileFormat.Csv, document.Format);
        AssertSameTasks(document);
    }

    [Fact]
    public void Saved_web_page_with_the_table_inside_a_layout_table()
    {
        var document = PlanFileReader.Read(Encode(PlanFileWriters.Html(RowsWithLineBreaks()), "UTF-8"), "index.html");

        Assert.Equal(PlanFileFormat.Html, document.Format);
        Assert.Single(document.Tables);
        Assert.Contains(document.Paragraphs, p => p.Text == "重点任务分工及进度安排表");
        AssertSameTasks(document);
    }

    [Fact]
    public void Pdf_with_cells_wrapped_over_lines_and_rows_continued_on_the_next_page()
    {
        var document = PlanFileReader.Read(PdfPlanWriter.Pdf(RowsWithLineBreaks()), "plan.pdf");

        Assert.Equal(PlanFileFormat.Pdf, document.Format);
        Assert.True(document.Tables[0].Rows.Select(r => r.Location.Page).Distinct().Count() > 5);
        AssertSameTasks(document);
    }

    [Fact]
    public void Formats_are_recognised_by_content_not_by_name()
    {
        var rows = RowsWithLineBreaks();

        Assert.Equal(PlanFileFormat.Word, PlanFileReader.Read(PlanFileWriters.Docx(rows), "plan.txt").Format);
        Assert.Equal(PlanFileFormat.Excel, PlanFileReader.Read(PlanFileWriters.Xlsx(rows), "plan.docx").Format);
        Assert.Equal(PlanFileFormat.Html, PlanFileReader.Read(Encode(PlanFileWriters.Html(rows), "GBK"), "plan.txt").Format);
    }

    internal static byte[] Encode(string text, string encoding) => encoding switch
    {
        "UTF-8" => new UTF8Encoding(false).GetBytes(text),
        "UTF-8 BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "UTF-16 LE" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "UTF-16 BE" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "GBK" => PlanTextDecoding.GbkEncoding.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
