using System.Globalization;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using ReformBot.Core.Plans;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Reads an Excel workbook (.xlsx, or .xls from Excel 97-2003 and WPS): each visible sheet a table, its rows
/// numbered as Excel shows them. A merged range's text stands in its first column in every row it covers
/// (a category or department shared by several tasks) and its other columns are empty.
/// </summary>
public static class ExcelPlanReader
{
    public static PlanDocument Read(byte[] bytes)
    {
        PlanTextDecoding.RegisterCodePages();
        try
        {
            using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes));
            var tables = new List<PlanTable>();
            do
            {
                var sheet = reader.Name;
                var grid = new List<string[]>();
                while (reader.Read())
                {
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++) cells[i] = CellText(reader.GetValue(i));
                    grid.Add(cells);
                }
                if (reader.VisibleState != "visible") continue;
                // Merged ranges are known only once the whole sheet is read (an .xlsx lists them after the rows).
                foreach (var range in reader.MergeCells ?? [])
                {
                    if (range.FromRow >= grid.Count || range.FromColumn >= grid[range.FromRow].Length) continue;
                    var text = grid[range.FromRow][range.FromColumn];
                    for (var row = range.FromRow + 1; row <= range.ToRow && row < grid.Count; row++)
                        if (range.FromColumn < grid[row].Length) grid[row][range.FromColumn] = text;
                }
                tables.Add(new PlanTable(grid.Select((cells, i) => new PlanRow(cells, new PlanLocation(i + 1, Sheet: sheet))).ToList()));
            } while (reader.NextResult());
            return new PlanDocument(PlanFileFormat.Excel, null, tables, []);
        }
        catch (Exception e) when (e is ExcelReaderException or InvalidDataException or IOException or NotSupportedException
                                      or InvalidOperationException or ArgumentException or FormatException or XmlException)
        {
            throw new PlanFileException(PlanFileErrorKind.Damaged, inner: e);
        }
    }

    /// <summary>A cell as the office reads it: numbers without a trailing .0, dates as 2026年6月30日.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s.Replace("\r\n", "\n"),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
