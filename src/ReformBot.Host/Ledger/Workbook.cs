using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReformBot.Host.Ledger;

/// <summary>How a cell looks; each is one cell format of the workbook's stylesheet (after the sheet's default format).</summary>
public enum CellLook : uint
{
    Plain = 0,
    Header = 1,
    Wrapped = 2,
    Percent = 3,
    DateTime = 4,
    Red = 5,
    Yellow = 6,
    Green = 7,
    Bold = 8,
    BoldPercent = 9,
    Title = 10,
}

/// <summary>One cell: a string, a number (int, double), a local date and time, or empty (null).</summary>
public readonly record struct SheetCell(object? Value, CellLook Look = CellLook.Plain);

/// <param name="Width">In characters of the default font (a Chinese character takes about two).</param>
public sealed record SheetColumn(string Header, double Width);

/// <summary>A worksheet: a title row, a header row, then <paramref name="Rows"/>.</summary>
public sealed record Sheet(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<SheetCell>> Rows)
{
    /// <summary>The first row, across the sheet's width: what the sheet is, of what, when.</summary>
    public string Title { get; init; } = "";

    /// <summary>The printed pages' footer, with Excel's codes (&amp;P page, &amp;N pages).</summary>
    public string Footer { get; init; } = "";
}

/// <summary>
/// Writes sheets as one .xlsx with the Open XML SDK: a title row, a bold header row with a filter, both
/// frozen, bordered cells, column widths, shared strings kept exactly (spaces and line breaks preserved;
/// characters XML cannot hold are written as Excel's _xHHHH_ escapes), numbers as numbers, dates as
/// Excel dates. Printed, each sheet is landscape A4, one page wide, with the header row on every page.
/// </summary>
public static partial class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The row of column headers, below the title row.</summary>
    public const int HeaderRow = 2;

    public static byte[] ToBytes(IReadOnlyList<Sheet> sheets)
    {
        using var stream = new MemoryStream();
        Write(stream, sheets);
        return stream.ToArray();
    }

    public static void Write(Stream stream, IReadOnlyList<Sheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var strings = new SharedStrings();

        var sheetList = new Sheets();
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Worksheet(sheet, strings, out var range);
            sheetList.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = (uint)(i + 1), Name = sheet.Name,
            });
            var quoted = $"'{sheet.Name.Replace("'", "''")}'";
            definedNames.Append(new DefinedName($"{quoted}!{Absolute(range)}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true,
            });
            // Print titles: the header row repeats at the top of every printed page.
            definedNames.Append(new DefinedName($"{quoted}!${HeaderRow}:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
        }
        workbookPart.Workbook.Append(sheetList, definedNames);
        workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table;
        workbookPart.Workbook.Save();
    }

    private static Worksheet Worksheet(Sheet sheet, SharedStrings strings, out string range)
    {
        var columns = new Columns();
        for (var c = 0; c < sheet.Columns.Count; c++)
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = sheet.Columns[c].Width, CustomWidth = true });

        var last = ColumnName(sheet.Columns.Count - 1);
        var data = new SheetData();
        var title = Row(1, [new SheetCell(sheet.Title, CellLook.Title)], strings);
        // Two lines of a larger font.
        title.Height = 40;
        title.CustomHeight = true;
        data.Append(title);
        data.Append(Row(HeaderRow, sheet.Columns.Select(c => new SheetCell(c.Header, CellLook.Header)).ToList(), strings));
        for (var r = 0; r < sheet.Rows.Count; r++)
            data.Append(Row((uint)(r + HeaderRow + 1), sheet.Rows[r], strings));

        range = $"A{HeaderRow}:{last}{sheet.Rows.Count + HeaderRow}";
        var firstData = $"A{HeaderRow + 1}";
        var frozenHeader = new SheetView(new Pane
        {
            VerticalSplit = HeaderRow, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
        { WorkbookViewId = 0 };
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(frozenHeader), new SheetFormatProperties { DefaultRowHeight = 16 }, columns, data,
            new AutoFilter { Reference = range },
            new MergeCells(new MergeCell { Reference = $"A1:{last}1" }) { Count = 1 },
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.2, Footer = 0.25 },
            // Landscape A4, as wide as one page and as long as it takes.
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter("&C" + sheet.Footer)));
    }

    private static Row Row(uint index, IReadOnlyList<SheetCell> cells, SharedStrings strings)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Count; c++)
        {
            var (value, look) = cells[c];
            var cell = new Cell { CellReference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture) };
            cell.StyleIndex = StyleIndex(look);
            switch (value)
            {
                case null:
                    break;
                case string text:
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(strings.Index(text));
                    break;
                case int number:
                    cell.CellValue = new CellValue(number);
                    break;
                case double number:
                    cell.CellValue = new CellValue(number);
                    break;
                case DateTime local:
                    cell.CellValue = new CellValue(local.ToOADate());
                    break;
                default:
                    throw new ArgumentException($"A cell cannot hold a {value.GetType().Name}.", nameof(cells));
            }
            row.Append(cell);
        }
        return row;
    }

    /// <summary>The cell format of a look: format 0 is the default of cells outside the table, without borders.</summary>
    internal static uint StyleIndex(CellLook look) => (uint)look + 1;

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string Absolute(string range) => AbsoluteReference().Replace(range, "$$$1$$$2");

    [GeneratedRegex("([A-Z]+)([0-9]+)")]
    private static partial Regex AbsoluteReference();

    /// <summary>Text as an Excel string holds it: characters XML cannot carry, and text that looks like such an escape, as _xHHHH_.</summary>
    internal static string Escape(string text)
    {
        var escaped = LiteralEscape().Replace(text, "_x005F$0");
        if (escaped.All(XmlConvert.IsXmlChar) && !escaped.Any(char.IsSurrogate)) return escaped;
        var builder = new StringBuilder(escaped.Length + 16);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (char.IsHighSurrogate(c) && i + 1 < escaped.Length && char.IsLowSurrogate(escaped[i + 1]))
            {
                builder.Append(c).Append(escaped[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
        }
        return builder.ToString();
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex LiteralEscape();

    private static Stylesheet Styles()
    {
        static Font Font(bool bold = false, string? color = null, double size = 11)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = size });
            if (color is not null) font.Append(new Color { Rgb = color });
            font.Append(new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 });
            return font;
        }
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

        var fonts = new Fonts(Font(), Font(bold: true), Font(color: "FF9C0006"), Font(color: "FF9C5700"), Font(color: "FF006100"), Font(bold: true, size: 14));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFE8ECF1"), Solid("FFFFC7CE"), Solid("FFFFEB9C"), Solid("FFC6EFCE"));
        static T Thin<T>() where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FF9AA4B0" } };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()));
        var numberFormats = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm:ss" });

        // Table cells have thin borders; the title has none.
        static CellFormat Format(uint font = 0, uint fill = 0, uint numberFormat = 0, bool wrap = false, bool center = false, uint border = 1)
        {
            var format = new CellFormat { FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat, FormatId = 0 };
            if (font != 0) format.ApplyFont = true;
            if (fill != 0) format.ApplyFill = true;
            if (border != 0) format.ApplyBorder = true;
            if (numberFormat != 0) format.ApplyNumberFormat = true;
            format.Append(new Alignment
            {
                Vertical = VerticalAlignmentValues.Top, WrapText = wrap,
                Horizontal = center ? HorizontalAlignmentValues.Center : null,
            });
            format.ApplyAlignment = true;
            return format;
        }

        // The sheet's default, then one per CellLook, in its order.
        var cellFormats = new CellFormats(
            Format(border: 0),
            Format(),
            Format(font: 1, fill: 2, wrap: true),
            Format(wrap: true),
            Format(numberFormat: 9),
            Format(numberFormat: 164),
            Format(font: 2, fill: 3, center: true),
            Format(font: 3, fill: 4, center: true),
            Format(font: 4, fill: 5, center: true),
            Format(font: 1),
            Format(font: 1, numberFormat: 9),
            Format(font: 5, wrap: true, border: 0));
        return new Stylesheet(numberFormats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }), cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    /// <summary>The workbook's shared string table: each distinct text once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public SharedStringTable Table { get; } = new();

        public string Index(string text)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _index.Count;
                _index.Add(text, index);
                Table.Append(new SharedStringItem(new Text(Escape(text)) { Space = SpaceProcessingModeValues.Preserve }));
            }
            return index.ToString(CultureInfo.InvariantCulture);
        }
    }
}
