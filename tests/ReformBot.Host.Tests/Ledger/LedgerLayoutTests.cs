using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReformBot.Core.Storage;
using ReformBot.Host.Ledger;
using Sheet = DocumentFormat.OpenXml.Spreadsheet.Sheet;
using Workbook = ReformBot.Host.Ledger.Workbook;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Ledger;

/// <summary>
/// The ledger as leaders read and print it: title rows, borders, print settings (read back from the file
/// with the Open XML SDK), names instead of ids, evidence on the 任务 sheet, and the 说明 sheet.
/// </summary>
public sealed class LedgerLayoutTests : LedgerTest
{
    private static readonly string[] SheetNames = ["汇总", "任务", "汇报记录", "说明"];

    /// <summary>Each sheet's first column header, in row 2.</summary>
    private static readonly Dictionary<string, string> FirstHeaders = new() { ["汇总"] = "部门", ["任务"] = "任务号", ["汇报记录"] = "任务号", ["说明"] = "类别" };

    private byte[] Export(IReadOnlyList<string>? departments)
    {
        var ledgers = Bot.Get<LedgerService>();
        return ledgers.ToBytes(ledgers.Build(DigestScenario.Q4, departments));
    }

    [Fact]
    public void Every_sheet_opens_with_a_title_row_saying_plan_sheet_period_scope_and_when()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Export(null)), false);
        foreach (var (name, sheet) in Sheets(document))
        {
            var columns = sheet.Worksheet.GetFirstChild<Columns>()!.Elements<Column>().Count();
            Assert.Equal(
                $"新疆维吾尔自治区深化科技体制改革实施方案重点任务台账\n{name} · 2026年第4季度 · 全部部门 · 生成时间 2026-12-20 10:00（UTC+08:00）",
                Text(document, Cell(sheet, "A1")));
            // The title spans the table's width; the header row follows it.
            Assert.Equal($"A1:{Workbook.ColumnName(columns - 1)}1", Assert.Single(sheet.Worksheet.Descendants<MergeCell>()).Reference!.Value);
            Assert.Equal(FirstHeaders[name], Text(document, Cell(sheet, "A2")));
        }

        using var part = SpreadsheetDocument.Open(new MemoryStream(Export(["科技厅", "财政厅"])), false);
        Assert.Contains(" · 科技厅、财政厅 · ", Text(part, Cell(Sheets(part)[0].Part, "A1")));
    }

    [Fact]
    public void Every_sheet_prints_landscape_one_page_wide_with_its_header_row_on_every_page_and_frozen()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Export(null)), false);
        var sheets = Sheets(document);
        Assert.Equal(SheetNames, sheets.Select(s => s.Name));
        var definedNames = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().ToList();
        for (var i = 0; i < sheets.Count; i++)
        {
            var (name, part) = sheets[i];
            var worksheet = part.Worksheet;
            var setup = worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal(9u, setup.PaperSize!.Value); // A4
            Assert.Equal((1u, 0u), (setup.FitToWidth!.Value, setup.FitToHeight!.Value));
            // Excel applies FitToWidth/FitToHeight only with fitToPage set.
            Assert.True(worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
            Assert.Equal("&C第 &P 页，共 &N 页", worksheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text);

            var printTitles = Assert.Single(definedNames, d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId?.Value == (uint)i);
            Assert.Equal($"'{name}'!$2:$2", printTitles.Text);

            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal((PaneStateValues.Frozen, 2.0, "A3"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
            Assert.StartsWith("A2:", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        }
    }

    [Fact]
    public void Table_cells_have_borders_and_the_title_has_none()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Export(null)), false);
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var borders = styles.Borders!.Elements<Border>().ToList();
        Border BorderOf(Cell cell) => borders[(int)formats[(int)cell.StyleIndex!.Value].BorderId!.Value];
        static bool Thin(BorderPropertiesType? side) => side?.Style?.Value == BorderStyleValues.Thin;

        foreach (var (_, sheet) in Sheets(document))
        {
            var rows = sheet.Worksheet.Descendants<Row>().ToList();
            Assert.False(Thin(BorderOf(Cell(sheet, "A1")).BottomBorder));
            foreach (var cell in rows.Skip(1).SelectMany(r => r.Elements<Cell>()))
            {
                var border = BorderOf(cell);
                Assert.True(Thin(border.LeftBorder) && Thin(border.RightBorder) && Thin(border.TopBorder) && Thin(border.BottomBorder),
                    $"{cell.CellReference} has no border");
            }
        }
        // Cells outside the table keep the default format, which has no border.
        Assert.False(Thin(borders[(int)formats[0].BorderId!.Value].LeftBorder));
    }

    [Fact]
    public void No_sheet_shows_a_contact_id_and_a_removed_contact_is_named_as_removed()
    {
        Assert.True(Bot.Get<IContactRepository>().Remove("c-kjt"));
        var bytes = Export(null);

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var texts = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
            Assert.DoesNotContain(texts, t => t.Contains("c-kjt") || t.Contains("c-unknown"));
        }
        var revisions = Xlsx.From(bytes, Dir).Table("汇报记录");
        Assert.All(revisions, r => Assert.Equal("已移除的联络员", r["提交人"]));
    }

    [Fact]
    public void The_about_sheet_explains_both_lights_and_every_column_of_every_sheet()
    {
        var xlsx = Xlsx.From(Export(null), Dir);
        var about = xlsx.Table("说明");

        foreach (var light in new[] { "报送灯", "进展灯" })
        {
            var rows = about.Where(r => (string?)r["类别"] == light).ToList();
            Assert.Equal([null, "红", "黄", "绿"], rows.Select(r => (string?)r["名称"]));
            Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace((string?)r["说明"])));
        }
        Assert.Contains("不足 3 天", (string)about.Single(r => (string?)r["类别"] == "报送灯" && (string?)r["名称"] == "黄")["说明"]!);
        Assert.Contains("超期未完成", (string)about.Single(r => (string?)r["类别"] == "进展灯" && (string?)r["名称"] == "红")["说明"]!);

        foreach (var sheet in SheetNames[..3])
        {
            var headers = xlsx.Rows(sheet)[1].Values.Select(v => v?.ToString()).ToList();
            var explained = about.Where(r => (string?)r["类别"] == sheet).ToList();
            Assert.Equal(["（本表）", .. headers], explained.Select(r => (string?)r["名称"]));
            Assert.All(explained, r => Assert.False(string.IsNullOrWhiteSpace((string?)r["说明"]), $"{sheet} · {r["名称"]} is not explained"));
        }
    }

    private static List<(string Name, WorksheetPart Part)> Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>()
            .Select(s => (s.Name!.Value!, (WorksheetPart)workbook.GetPartById(s.Id!.Value!)))
            .ToList();
    }

    private static Cell Cell(WorksheetPart sheet, string reference) =>
        sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    private static string Text(SpreadsheetDocument document, Cell cell)
    {
        Assert.Equal(CellValues.SharedString, cell.DataType!.Value);
        return document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
            .ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
    }
}
