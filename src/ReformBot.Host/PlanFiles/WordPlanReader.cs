using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReformBot.Core.Plans;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Reads a Word document (.docx): each table cell by cell, and the paragraphs outside tables.
/// A cell's paragraphs and line breaks stay line breaks inside the cell. A cell spanning columns
/// (gridSpan) fills its first column and leaves the others empty; a cell merged down (vMerge) repeats its
/// text in each row it covers, as a category or department shared by several tasks reads in each.
/// </summary>
public static class WordPlanReader
{
    public static PlanDocument Read(byte[] bytes)
    {
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new PlanFileException(PlanFileErrorKind.Damaged);
            var tables = new List<PlanTable>();
            var paragraphs = new List<PlanParagraph>();
            foreach (var element in body.Descendants())
            {
                if (element is Table table && !table.Ancestors<Table>().Any())
                    tables.Add(ReadTable(table, tables.Count + 1));
                else if (element is Paragraph paragraph && !paragraph.Ancestors<Table>().Any()
                         && Text(paragraph) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
                    paragraphs.Add(new PlanParagraph(text.Trim(), PlanLocation.AtParagraph(paragraphs.Count + 1)));
            }
            return new PlanDocument(PlanFileFormat.Word, null, tables, paragraphs);
        }
        // The package and its XML are read lazily, so a damaged part shows only while reading the body.
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException)
        {
            throw new PlanFileException(PlanFileErrorKind.Damaged, inner: e);
        }
    }

    private static PlanTable ReadTable(Table table, int tableNumber)
    {
        var rows = new List<PlanRow>();
        var above = new List<string>();
        foreach (var row in OwnDescendants<TableRow>(table, table))
        {
            var cells = new List<string>();
            var properties = row.TableRowProperties;
            var before = properties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (var i = 0; i < before; i++) cells.Add("");
            foreach (var cell in OwnDescendants<TableCell>(row, table))
            {
                var column = cells.Count;
                var merge = cell.TableCellProperties?.VerticalMerge;
                // vMerge without a value (or "continue") continues the cell above; "restart" begins one.
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                cells.Add(continues && column < above.Count ? above[column] : CellText(cell));
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                for (var i = 1; i < span; i++) cells.Add("");
            }
            above = cells;
            rows.Add(new PlanRow(cells, new PlanLocation(rows.Count + 1, Table: tableNumber)));
        }
        return new PlanTable(rows);
    }

    /// <summary>Elements of a table's own rows or a row's own cells: inside content controls, but not in nested tables.</summary>
    private static IEnumerable<T> OwnDescendants<T>(OpenXmlElement parent, Table table) where T : OpenXmlElement =>
        parent.Descendants<T>().Where(e => e.Ancestors<Table>().First() == table);

    private static string CellText(TableCell cell) =>
        string.Join("\n", cell.Descendants<Paragraph>().Where(p => p.Ancestors<TableCell>().First() == cell).Select(Text)).Trim();

    private static string Text(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text text:
                    sb.Append(text.Text);
                    break;
                case Break or CarriageReturn:
                    sb.Append('\n');
                    break;
                case TabChar:
                    sb.Append(' ');
                    break;
            }
        }
        return sb.ToString();
    }
}
