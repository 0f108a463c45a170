using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReformBot.Core.Plans;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReformBot.Host.Tests.PlanFiles;

/// <summary>
/// Writes plan tables in the formats offices send: Word, Excel, CSV, web page. The cells are written as
/// given, so a cell holding "\n" becomes a cell of two lines in each format.
/// </summary>
internal static class PlanFileWriters
{
    public static readonly string[] Header = ["序号", "重点任务", "责任部门", "时间进度"];

    /// <summary>
    /// The shipped plan's table as an office would type it: one row a task (the rows the PDF broke across
    /// pages joined), header first.
    /// </summary>
    public static List<string[]> ShippedPlanRows()
    {
        var lines = TabSeparatedText.Read(Support.TestFiles.ShippedPlan).Tables[0].Rows;
        var headerAt = lines.ToList().FindIndex(r => r.Cells.Any(c => c.Trim() == "序号"));
        var header = lines[headerAt].Cells.Select(c => c.Trim()).ToArray();
        Assert.Equal(Header, header);
        var rows = new List<string[]> { header };
        foreach (var line in lines.Skip(headerAt + 1))
        {
            var cells = line.Cells;
            if (cells.Count < 2 || cells.All(string.IsNullOrWhiteSpace) || cells.Any(c => c.Trim() == "序号")) continue;
            if (cells[0].Trim().Length > 0) rows.Add([.. Enumerable.Range(0, 4).Select(i => i < cells.Count ? cells[i].Trim() : "")]);
            else for (var i = 1; i < cells.Count; i++) rows[^1][i] += cells[i].Trim();
        }
        return rows;
    }

    /// <summary>A Word document: a title paragraph and the rows as one table; cells merged down where <paramref name="mergedDown"/> says.</summary>
    public static byte[] Docx(IReadOnlyList<string[]> rows, Func<int, int, bool>? mergedDown = null, bool withTable = true)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body(Paragraph("附件"), Paragraph("重点任务分工及进度安排表"));
            if (withTable)
            {
                var table = new W.Table(new W.TableProperties(new W.TableBorders(new W.InsideHorizontalBorder { Val = W.BorderValues.Single })));
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new W.TableRow();
                    if (r == 0) row.Append(new W.TableRowProperties(new W.TableHeader()));
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var cell = new W.TableCell();
                        if (mergedDown?.Invoke(r, c) == true) cell.Append(new W.TableCellProperties(new W.VerticalMerge()));
                        else if (mergedDown?.Invoke(r + 1, c) == true) cell.Append(new W.TableCellProperties(new W.VerticalMerge { Val = W.MergedCellValues.Restart }));
                        // Paragraphs for blank-line separated parts, line breaks for the rest, as people type them.
                        var parts = mergedDown?.Invoke(r, c) == true ? [""] : rows[r][c].Split("\n\n");
                        foreach (var part in parts) cell.Append(Paragraph(part));
                        row.Append(cell);
                    }
                    table.Append(row);
                }
                body.Append(table);
            }
            body.Append(Paragraph("抄送：自治区各有关部门。"));
            main.Document = new W.Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>A Word document of paragraphs only, one a given line: a plan without a table.</summary>
    public static byte[] DocxParagraphs(IEnumerable<string> paragraphs)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(paragraphs.Select(Paragraph)));
        return stream.ToArray();
    }

    /// <summary>A saved web page of paragraphs inside a layout table, as government sites publish a plan's text.</summary>
    public static string HtmlParagraphs(IEnumerable<string> paragraphs) =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>分工方案</title></head><body>\n<table class=\"layout\"><tr><td>\n"
        + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"))
        + "</td></tr></table>\n</body></html>\n";

    private static W.Paragraph Paragraph(string text)
    {
        var run = new W.Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new W.Break());
            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new W.Paragraph(run);
    }

    /// <summary>
    /// An Excel workbook: a note sheet, then the rows on a sheet of their own, numbers as numbers, and the
    /// given ranges merged (row and column 0-based within <paramref name="rows"/>, the sheet's first row 1).
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<string[]> rows, params (int FromRow, int Column, int ToRow, int ToColumn)[] merged)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddSheet(document, "填报说明", [["本表由协调办公室汇总。"]], []);
            AddSheet(document, "任务分工", rows, merged);
        }
        return stream.ToArray();
    }

    private static void AddSheet(SpreadsheetDocument document, string name, IReadOnlyList<string[]> rows,
        (int FromRow, int Column, int ToRow, int ToColumn)[] merged)
    {
        var part = document.WorkbookPart!.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                var text = rows[r][c];
                row.Append(int.TryParse(text, out var number)
                    ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) }
                    : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
            }
            data.Append(row);
        }
        var worksheet = new Worksheet(data);
        if (merged.Length > 0)
            worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = $"{(char)('A' + m.Column)}{m.FromRow + 1}:{(char)('A' + m.ToColumn)}{m.ToRow + 1}" })));
        part.Worksheet = worksheet;
        var sheets = document.WorkbookPart.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = document.WorkbookPart.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = name });
    }

    /// <summary>CSV as Excel saves it: cells with commas, quotes or line breaks in quotes, CRLF between rows.</summary>
    public static string Csv(IReadOnlyList<string[]> rows) =>
        string.Join("\r\n", rows.Select(r => string.Join(",", r.Select(c =>
            c.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"").Replace("\n", "\r\n") + "\"" : c))));

    /// <summary>A saved web page: the plan's table inside a layout table, cells HTML-encoded, line breaks as &lt;br&gt;.</summary>
    public static string Html(IReadOnlyList<string[]> rows)
    {
        var sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>实施方案</title><style>td{border:1px}</style></head><body>\n");
        sb.Append("<table class=\"layout\"><tr><td>\n<p>附件</p>\n<p>重点任务分工及进度安排表</p>\n<table border=\"1\">\n<thead>");
        for (var r = 0; r < rows.Count; r++)
        {
            var tag = r == 0 ? "th" : "td";
            sb.Append("<tr>\n");
            foreach (var cell in rows[r])
                sb.Append($"  <{tag}>").Append(string.Join("<br>\n", cell.Split('\n').Select(WebUtility.HtmlEncode))).Append($"</{tag}>\n");
            sb.Append("</tr>\n");
            if (r == 0) sb.Append("</thead><tbody>\n");
        }
        sb.Append("</tbody></table>\n</td></tr></table>\n<script>var x = '<table>';</script></body></html>\n");
        return sb.ToString();
    }
}
