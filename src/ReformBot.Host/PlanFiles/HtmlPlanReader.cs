using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ReformBot.Core.Plans;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Reads a saved web page: its innermost tables (pages often lay themselves out in tables around the
/// plan's table) cell by cell, and the rest of its text as paragraphs. Cells spanning rows repeat their
/// text in each row they cover (first column only), as merged cells of Word and Excel do.
/// </summary>
public static partial class HtmlPlanReader
{
    private static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "TABLE", "SECTION", "ARTICLE",
        "BLOCKQUOTE", "PRE", "CENTER", "TD", "TH", "DD", "DT", "HR",
    ];

    private static readonly HashSet<string> Hidden = ["SCRIPT", "STYLE", "HEAD", "TEMPLATE", "NOSCRIPT", "TITLE"];

    public static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0 || start[0] != '<') return false;
        var head = start[..Math.Min(start.Length, 4096)].ToString();
        return HtmlStart().IsMatch(head);
    }

    public static PlanDocument Read(string html, string? encoding)
    {
        var document = new HtmlParser().ParseDocument(html);
        var leafTables = document.QuerySelectorAll("table").OfType<IHtmlTableElement>()
            .Where(t => t.QuerySelector("table") is null).ToList();
        var tables = leafTables.Select((t, i) => ReadTable(t, i + 1)).ToList();

        var paragraphs = new List<PlanParagraph>();
        var text = new StringBuilder();
        if (document.Body is { } body) AppendText(body, text, skip: leafTables.ToHashSet<IElement>());
        foreach (var line in text.ToString().Split('\n'))
            if (line.Trim() is { Length: > 0 } paragraph)
                paragraphs.Add(new PlanParagraph(paragraph, PlanLocation.AtParagraph(paragraphs.Count + 1)));
        return new PlanDocument(PlanFileFormat.Html, encoding, tables, paragraphs);
    }

    private static PlanTable ReadTable(IHtmlTableElement table, int tableNumber)
    {
        var rows = new List<PlanRow>();
        // Per column: rows still covered by a cell above, and the text it shows there.
        var pending = new List<(int Rows, string Text)>();
        foreach (var row in table.Rows)
        {
            var cells = new List<string>();
            void FillCovered()
            {
                while (cells.Count < pending.Count && pending[cells.Count].Rows > 0)
                {
                    var (left, text) = pending[cells.Count];
                    pending[cells.Count] = (left - 1, text);
                    cells.Add(text);
                }
            }
            foreach (var cell in row.Cells)
            {
                FillCovered();
                var text = CellText(cell);
                var columns = Math.Max(1, cell.ColumnSpan);
                var below = Math.Max(1, cell.RowSpan) - 1;
                for (var i = 0; i < columns; i++)
                {
                    var column = cells.Count;
                    while (pending.Count <= column) pending.Add((0, ""));
                    pending[column] = (below, i == 0 ? text : "");
                    cells.Add(i == 0 ? text : "");
                }
            }
            FillCovered();
            rows.Add(new PlanRow(cells, new PlanLocation(rows.Count + 1, Table: tableNumber)));
        }
        return new PlanTable(rows);
    }

    private static string CellText(IElement cell)
    {
        var sb = new StringBuilder();
        AppendText(cell, sb, skip: null);
        return string.Join("\n", sb.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    /// <summary>Text as a browser lays it out: runs of whitespace are one space, blocks and &lt;br&gt; break lines.</summary>
    private static void AppendText(INode node, StringBuilder sb, ISet<IElement>? skip)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(Whitespace().Replace(text.Data, " "));
                    break;
                case IElement element when Hidden.Contains(element.TagName) || (skip?.Contains(element) ?? false):
                    sb.Append('\n');
                    break;
                case IElement { TagName: "BR" }:
                    sb.Append('\n');
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.TagName);
                    if (block) sb.Append('\n');
                    AppendText(element, sb, skip);
                    if (block) sb.Append('\n');
                    break;
            }
        }
    }

    [GeneratedRegex(@"<(html|!doctype\s+html|body|table|p[\s>]|div)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Whitespace();
}
