namespace ReformBot.Core.Plans;

/// <summary>The kinds of file a plan arrives in; the reader that found it names it in messages.</summary>
public enum PlanFileFormat
{
    /// <summary>Text with one table row a line and tab-separated cells (as extracted from a PDF, or saved from Excel).</summary>
    Text,
    Word,
    Excel,
    Csv,
    Html,
    Pdf,
}

/// <summary>
/// A plan file as read, whatever its format: its tables as rows of cells, and its paragraphs for plans
/// without a table. Readers only turn a file into rows; which row is a header or a task is the parser's work.
/// </summary>
/// <param name="Encoding">The text encoding found (e.g. GBK), for messages; null when the format has none of its own.</param>
/// <param name="Tables">Tables in document order (an Excel workbook: one a sheet).</param>
/// <param name="Paragraphs">The text outside tables, one entry a paragraph or line, in document order.</param>
public sealed record PlanDocument(
    PlanFileFormat Format, string? Encoding, IReadOnlyList<PlanTable> Tables, IReadOnlyList<PlanParagraph> Paragraphs)
{
    /// <summary>
    /// The rows of the task table: the first table holding a header row, followed, except in a workbook, by
    /// the tables right after it with as many columns (a document converted from a PDF breaks the table at
    /// every page). Without any header, every row, so that the parser can say there is no table.
    /// </summary>
    public List<PlanRow> TaskTableRows(Func<IReadOnlyList<string>, bool> isHeader)
    {
        var first = Tables.ToList().FindIndex(t => t.Rows.Any(r => isHeader(r.Cells)));
        if (first < 0) return Tables.SelectMany(t => t.Rows).ToList();
        var rows = Tables[first].Rows.ToList();
        if (Format == PlanFileFormat.Excel) return rows;
        for (var i = first + 1; i < Tables.Count && Tables[i].ColumnCount == Tables[first].ColumnCount; i++)
            rows.AddRange(Tables[i].Rows);
        return rows;
    }

    /// <summary>
    /// The tables' text as paragraphs, one a line of a cell, each cell once (a merged cell repeats in rows). A Word
    /// document or web page laid out in a table shows the office no table, so its lines are counted as paragraphs;
    /// a sheet's or a text file's keep their rows.
    /// </summary>
    public IReadOnlyList<PlanParagraph> TableLines() =>
        Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells.Distinct().SelectMany(c => c.Split('\n')).Select(line => new PlanParagraph(line.Trim(), r.Location)))
            .Where(p => p.Text.Length > 0)
            .Select((p, i) => Format is PlanFileFormat.Word or PlanFileFormat.Html ? p with { Location = PlanLocation.AtParagraph(i + 1) } : p)
            .ToList();
}

/// <summary>One table: rows of cells. Rows may have different numbers of cells.</summary>
public sealed record PlanTable(IReadOnlyList<PlanRow> Rows)
{
    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);
}

/// <summary>A table row. A cell may hold line breaks (a Word or Excel cell of several lines).</summary>
public sealed record PlanRow(IReadOnlyList<string> Cells, PlanLocation Location);

/// <summary>A paragraph outside any table.</summary>
public sealed record PlanParagraph(string Text, PlanLocation Location);

/// <summary>
/// Where a row is, as the office finds it again in its file: a text line, a row of the n-th Word table,
/// a row of a named Excel sheet, a page of a PDF, or a paragraph of a document without lines of its own
/// (Word, web page, a PDF's page). All numbers are 1-based.
/// </summary>
/// <param name="Line">The text line, the row within the table, sheet or page, or the paragraph.</param>
/// <param name="Table">The table's place among the document's tables (Word, web page).</param>
/// <param name="Sheet">The sheet's name (Excel).</param>
/// <param name="Page">The page (PDF).</param>
/// <param name="Paragraph">Line counts the paragraphs with text (of the document, or of the page), not lines.</param>
public sealed record PlanLocation(int Line, int? Table = null, string? Sheet = null, int? Page = null, bool Paragraph = false)
{
    public static PlanLocation AtLine(int line) => new(line);

    public static PlanLocation AtParagraph(int paragraph, int? page = null) => new(paragraph, Page: page, Paragraph: true);

    /// <summary>For logs: "line 3", "table 2 line 5", "sheet 任务 line 7", "page 3 line 2", "page 3 paragraph 2".</summary>
    public override string ToString() =>
        (Table is { } t ? $"table {t} " : "") + (Sheet is { } s ? $"sheet {s} " : "") + (Page is { } p ? $"page {p} " : "") +
        (Paragraph ? $"paragraph {Line}" : $"line {Line}");
}
