using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ReformBot.Host.Tests.PlanFiles;

/// <summary>
/// Lays plan rows out on landscape A4 pages the way published plans do: a header on every page, cells
/// wrapped within their columns, a row that does not fit continued on the next page, a page number at
/// the foot. Chinese text needs a CJK TrueType font: the project's own if present, else the system's.
/// </summary>
internal static class PdfPlanWriter
{
    private const double Size = 10;
    private const double Leading = 14;
    private static readonly (double Left, int Chars)[] Layout = [(40, 3), (90, 34), (460, 17), (660, 12)];

    /// <param name="centredNumbers">Numbers stand in the middle of their rows instead of on their first line.</param>
    /// <param name="header">False: no table at all, each row's first cell an indented paragraph of prose.</param>
    /// <param name="overflowingRow">A row whose task text runs on over the next columns, unwrapped.</param>
    public static byte[] Pdf(IReadOnlyList<string[]> rows, string? title = "重点任务分工及进度安排表", bool centredNumbers = false,
        bool header = true, int? overflowingRow = null)
    {
        if (!header) return Prose(rows.Select(r => r[0]));
        var builder = new PdfDocumentBuilder();
        var fonts = new FontSet(builder);
        var headerRow = rows[0];
        PdfPageBuilder? page = null;
        var pageNumber = 0;
        var y = 0.0;
        void NewPage()
        {
            page = builder.AddPage(PageSize.A4, isPortrait: false);
            pageNumber++;
            y = 550;
            if (pageNumber == 1 && title is not null)
            {
                fonts.Write(page, title, 14, 300, y);
                y -= 30;
            }
            WriteLines(headerRow.Select(h => new[] { h }).ToArray(), 0);
            y -= Leading + 6;
            fonts.Write(page, $"— {pageNumber} —", Size, 400, 30);
        }
        void WriteLines(string[][] cellLines, int from)
        {
            for (var c = 0; c < cellLines.Length; c++)
                if (from < cellLines[c].Length && cellLines[c][from].Length > 0)
                    fonts.Write(page!, cellLines[c][from], Size, Layout[c].Left, y);
        }
        NewPage();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)).Skip(1))
        {
            var cellLines = row.Select((cell, c) => Wrap(cell, index == overflowingRow && c == 1 ? 1000 : Layout[c].Chars)).ToArray();
            var height = cellLines.Max(l => l.Length);
            if (centredNumbers && height > 1) cellLines[0] = [.. Enumerable.Repeat("", height / 2), .. cellLines[0]];
            for (var line = 0; line < height; line++)
            {
                if (y < 70) NewPage();
                WriteLines(cellLines, line);
                y -= Leading;
            }
            y -= 6;
        }
        return builder.Build();
    }

    private static byte[] Prose(IEnumerable<string> paragraphs)
    {
        var builder = new PdfDocumentBuilder();
        var fonts = new FontSet(builder);
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        foreach (var paragraph in paragraphs)
        {
            var lines = Wrap(paragraph, 40);
            for (var i = 0; i < lines.Length; i++, y -= Leading)
                fonts.Write(page, lines[i], Size, i == 0 ? 80 : 60, y);
        }
        return builder.Build();
    }

    /// <summary>A cell's lines: its own line breaks kept, long lines wrapped at a number of characters.</summary>
    private static string[] Wrap(string cell, int chars) =>
        [.. cell.Split('\n').SelectMany(line => line.Chunk(chars).Select(c => new string(c)))];
}

/// <summary>
/// PdfPig writes a TrueType font as a simple font of at most 255 characters, so the CJK font is added
/// once for each 250 different characters, and a line is written in runs of one font each.
/// </summary>
internal sealed class FontSet(PdfDocumentBuilder builder)
{
    private const int PerFont = 250;
    private readonly List<PdfDocumentBuilder.AddedFont> _fonts = [];
    private readonly Dictionary<char, int> _fontOf = [];

    public void Write(PdfPageBuilder page, string text, double size, double x, double y)
    {
        var i = 0;
        while (i < text.Length)
        {
            var font = FontOf(text[i]);
            var end = i + 1;
            while (end < text.Length && FontOf(text[end]) == font) end++;
            var letters = page.AddText(text[i..end], size, new PdfPoint(x, y), _fonts[font]);
            x = letters[^1].EndBaseLine.X;
            i = end;
        }
    }

    private int FontOf(char c)
    {
        if (_fontOf.TryGetValue(c, out var font)) return font;
        font = _fontOf.Count / PerFont;
        if (font == _fonts.Count) _fonts.Add(builder.AddTrueTypeFont(CjkFont.Bytes()));
        return _fontOf[c] = font;
    }
}

/// <summary>A CJK TrueType font for writing test PDFs.</summary>
internal static class CjkFont
{
    private static readonly Lazy<byte[]> Font = new(Load);

    public static byte[] Bytes() => Font.Value;

    private static byte[] Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shipped = Path.Combine(dir.FullName, "assets", "fonts", "NotoSansSC-Regular.subset.ttf");
            if (File.Exists(shipped)) return File.ReadAllBytes(shipped);
        }
        const string system = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
        Assert.True(File.Exists(system), $"No CJK font: neither assets/fonts/ nor {system} (apt-get install fonts-wqy-microhei)");
        return FirstFontOfCollection(File.ReadAllBytes(system));
    }

    /// <summary>A TrueType collection's first font as a font file of its own: its tables copied, their offsets rewritten.</summary>
    private static byte[] FirstFontOfCollection(byte[] ttc)
    {
        static uint U32(byte[] b, int at) => (uint)(b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]);
        static void Put(byte[] b, int at, uint v) { b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v; }
        var font = (int)U32(ttc, 12);
        var tables = ttc[font + 4] << 8 | ttc[font + 5];
        var headerLength = 12 + 16 * tables;
        var output = new List<byte>(ttc.AsSpan(font, headerLength).ToArray());
        var header = output.ToArray();
        for (var t = 0; t < tables; t++)
        {
            var record = 12 + 16 * t;
            var offset = (int)U32(header, record + 8);
            var length = (int)U32(header, record + 12);
            Put(header, record + 8, (uint)output.Count);
            output.AddRange(ttc.AsSpan(offset, length).ToArray());
            while (output.Count % 4 != 0) output.Add(0);
        }
        var result = output.ToArray();
        header.CopyTo(result, 0);
        return result;
    }
}
