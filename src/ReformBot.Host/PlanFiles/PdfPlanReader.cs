using System.Text;
using System.Text.RegularExpressions;
using ReformBot.Core.Plans;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Rebuilds a PDF's task table from where its characters stand. Characters on one baseline are a line;
/// within a line, a gap wider than a character separates cells. The header row (the line with 序号)
/// names the columns, and the columns' extents are the stretches of the page that the table's lines
/// cover, with empty stretches between them. A line with a number in the first column starts a row, the
/// lines below it continue its cells, and lines before a page's first number continue the row the
/// previous page ended with. Where the words do not fall clearly into the header's columns, or a number stands
/// below the first line of its row (told by the wider gap between rows than between a cell's lines), the reader
/// refuses, naming the page, rather than guess: a wrong task is worse than asking for the Word file.
/// Without a header on any page the PDF's lines are passed on as paragraphs.
/// </summary>
public static partial class PdfPlanReader
{
    private const string NumberHeader = "序号";

    public static PlanDocument Read(byte[] bytes)
    {
        List<List<Line>> pages;
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            pages = pdf.GetPages().Select(p => Lines(p.Letters)).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig throws its own and general exceptions alike for damaged and encrypted files.
            throw new PlanFileException(PlanFileErrorKind.Damaged, inner: e);
        }
        if (pages.All(p => p.Count == 0)) throw new PlanFileException(PlanFileErrorKind.PdfWithoutText);

        var headerPage = pages.FindIndex(p => p.Any(IsHeader));
        if (headerPage < 0) return new PlanDocument(PlanFileFormat.Pdf, null, [], Paragraphs(pages));

        var columns = Columns(pages, headerPage);
        var rows = new List<PlanRow>();
        for (var p = headerPage; p < pages.Count; p++) rows.AddRange(PageRows(pages[p], p + 1, columns, firstPage: p == headerPage));
        return new PlanDocument(PlanFileFormat.Pdf, null, [new PlanTable(rows)], []);
    }

    /// <summary>A run of characters with no wide gap: a cell's text on one line.</summary>
    private sealed record Chunk(string Text, double Left, double Right)
    {
        public double Center => (Left + Right) / 2;
    }

    private sealed record Line(double Baseline, IReadOnlyList<Chunk> Chunks)
    {
        public string Text => string.Concat(Chunks.Select(c => c.Text));
    }

    private static List<Line> Lines(IReadOnlyList<Letter> letters)
    {
        var visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).OrderByDescending(l => l.StartBaseLine.Y).ToList();
        var lines = new List<Line>();
        var i = 0;
        while (i < visible.Count)
        {
            var baseline = visible[i].StartBaseLine.Y;
            var tolerance = Math.Max(1, visible[i].PointSize * 0.4);
            var onLine = new List<Letter>();
            while (i < visible.Count && baseline - visible[i].StartBaseLine.Y <= tolerance) onLine.Add(visible[i++]);
            lines.Add(new Line(baseline, Chunks(onLine.OrderBy(l => l.StartBaseLine.X).ToList())));
        }
        return lines;
    }

    private static List<Chunk> Chunks(List<Letter> letters)
    {
        var chunks = new List<Chunk>();
        var text = new StringBuilder(letters[0].Value);
        // Positions by the letters' advance (where the pen starts and ends), not their ink: digits and
        // Latin letters have ink narrower than their advance, which would read as spaces between them.
        var left = letters[0].StartBaseLine.X;
        var right = letters[0].EndBaseLine.X;
        for (var i = 1; i < letters.Count; i++)
        {
            var letter = letters[i];
            var gap = letter.StartBaseLine.X - right;
            // Wider than a full-width character: the next cell. A smaller gap is a space between words.
            if (gap > letter.PointSize * 1.2)
            {
                chunks.Add(new Chunk(text.ToString(), left, right));
                text.Clear();
                left = letter.StartBaseLine.X;
            }
            else if (gap > letter.PointSize * 0.15) text.Append(' ');
            text.Append(letter.Value);
            right = Math.Max(right, letter.EndBaseLine.X);
        }
        chunks.Add(new Chunk(text.ToString(), left, right));
        return chunks;
    }

    private static bool IsHeader(Line line) => line.Chunks.Any(c => TextCleanup.RemoveAllWhitespace(c.Text) == NumberHeader);

    private static bool IsPageNumber(Line line) => line.Chunks.Count == 1 && PageNumber().IsMatch(line.Text);

    /// <summary>
    /// The columns' left and right edges: stretches covered by the header's cells and by the chunks of the
    /// table's lines of several cells (a line of one chunk may be a title or a merged category row), with an
    /// empty stretch between each two. Each header cell must stand in a column of its own.
    /// </summary>
    private static List<(double Left, double Right)> Columns(List<List<Line>> pages, int headerPage)
    {
        var header = pages[headerPage].First(IsHeader);
        var spans = header.Chunks.Select(c => (c.Left, c.Right)).ToList();
        for (var p = headerPage; p < pages.Count; p++)
        {
            var lines = pages[p];
            var start = lines.FindIndex(IsHeader);
            foreach (var line in lines.Skip(start + 1).Where(l => l.Chunks.Count > 1 && !IsHeader(l)))
                spans.AddRange(line.Chunks.Select(c => (c.Left, c.Right)));
        }
        var columns = new List<(double Left, double Right)>();
        foreach (var (left, right) in spans.OrderBy(s => s.Left))
        {
            if (columns.Count > 0 && left <= columns[^1].Right) columns[^1] = (columns[^1].Left, Math.Max(columns[^1].Right, right));
            else columns.Add((left, right));
        }
        var owners = header.Chunks.Select(c => columns.FindIndex(col => c.Center >= col.Left && c.Center <= col.Right)).ToList();
        if (columns.Count != header.Chunks.Count || owners.Distinct().Count() != owners.Count)
            throw new PlanFileException(PlanFileErrorKind.PdfTableUnclear, $"{headerPage + 1}");
        return columns;
    }

    private static IEnumerable<PlanRow> PageRows(List<Line> lines, int page, List<(double Left, double Right)> columns, bool firstPage)
    {
        var start = lines.FindIndex(IsHeader);
        var rows = new List<PlanRow>();
        var header = lines[start];
        rows.Add(Row(header.Chunks.Select(c => c.Text).ToArray()));
        string[]? cells = null;
        var tableLines = lines.Skip(start + 1).Where(l => !IsHeader(l) && !IsPageNumber(l)).ToList();
        var rowStarts = RowStarts(tableLines);
        for (var i = 0; i < tableLines.Count; i++)
        {
            var line = tableLines[i];
            var placed = new string[columns.Count];
            Array.Fill(placed, "");
            var spanning = line.Chunks.Count == 1 && columns.Count(c => c.Left < line.Chunks[0].Right && line.Chunks[0].Left < c.Right) > 1;
            foreach (var chunk in line.Chunks)
            {
                // A merged row across the table (a category heading) reads into its first column.
                var column = spanning ? columns.FindIndex(c => c.Right > chunk.Left) : columns.FindIndex(c => chunk.Left >= c.Left - 0.5 && chunk.Right <= c.Right + 0.5);
                if (column < 0) throw new PlanFileException(PlanFileErrorKind.PdfTableUnclear, $"{page}");
                placed[column] = Join(placed[column], chunk.Text);
            }
            // A number below the first line of its row: the numbers stand in the middle of their rows, so the
            // row's lines above it would land in the task before. Which lines belong to which row cannot be told.
            if (placed[0].Length > 0 && rowStarts is not null && !rowStarts[i]) throw new PlanFileException(PlanFileErrorKind.PdfTableUnclear, $"{page}");
            if (placed[0].Length > 0 || cells is null)
            {
                // Text above a page's first number on the table's first page: the numbers stand in the
                // middle of their rows, and which lines belong to which row cannot be told.
                if (placed[0].Length == 0 && firstPage) throw new PlanFileException(PlanFileErrorKind.PdfTableUnclear, $"{page}");
                if (cells is not null) rows.Add(Row(cells));
                cells = placed;
            }
            else for (var c = 0; c < cells.Length; c++) cells[c] = Join(cells[c], placed[c]);
        }
        if (cells is not null) rows.Add(Row(cells));
        return rows;

        PlanRow Row(string[] rowCells) => new(rowCells, new PlanLocation(rows.Count + 1, Page: page));
    }

    /// <summary>
    /// Which lines begin a table row, told by the wider gap that rows leave between them than the lines within a cell
    /// (a row's padding and rule). Null when the page's lines are evenly spaced — rows of one line each, or a layout
    /// without that gap — which tells nothing.
    /// </summary>
    private static bool[]? RowStarts(List<Line> lines)
    {
        if (lines.Count < 2) return null;
        var gaps = lines.Skip(1).Select((line, i) => lines[i].Baseline - line.Baseline).ToList();
        var withinCell = gaps.Min() * RowGapFactor;
        if (gaps.Max() <= withinCell) return null;
        return lines.Select((_, i) => i == 0 || gaps[i - 1] > withinCell).ToArray();
    }

    /// <summary>How much wider than the closest two lines a gap must be to part two rows.</summary>
    private const double RowGapFactor = 1.2;

    /// <summary>Lines of one cell joined as the text was before it wrapped: no space in Chinese, one between words.</summary>
    private static string Join(string before, string after) =>
        before.Length == 0 || after.Length == 0 ? before + after
        : char.IsAscii(before[^1]) && char.IsAsciiLetterOrDigit(after[0]) && char.IsAsciiLetterOrDigit(before[^1]) ? before + " " + after
        : before + after;

    /// <summary>The text of a PDF without a table: a paragraph begins at an indented line, as Chinese documents indent them.</summary>
    private static List<PlanParagraph> Paragraphs(List<List<Line>> pages)
    {
        var paragraphs = new List<PlanParagraph>();
        for (var p = 0; p < pages.Count; p++)
        {
            var lines = pages[p].Where(l => !IsPageNumber(l)).ToList();
            if (lines.Count == 0) continue;
            var margin = lines.Min(l => l.Chunks[0].Left);
            var text = new StringBuilder();
            var onPage = 0;
            foreach (var line in lines)
            {
                var indented = line.Chunks[0].Left - margin > 4;
                if (indented && text.Length > 0) Flush();
                text.Append(string.Join(" ", line.Chunks.Select(c => c.Text)));
            }
            Flush();

            void Flush()
            {
                // Counted on the page, as the office finds it there: 第 3 页第 2 段.
                if (text.Length > 0) paragraphs.Add(new PlanParagraph(text.ToString(), PlanLocation.AtParagraph(++onPage, p + 1)));
                text.Clear();
            }
        }
        return paragraphs;
    }

    [GeneratedRegex(@"^[\s\-—–－·]*(第\s*)?\d+(\s*页)?[\s\-—–－·]*$")]
    private static partial Regex PageNumber();
}
