namespace ReformBot.Core.Plans;

/// <summary>Reads plan text with one table row a line and cells separated by tabs into one table.</summary>
public static class TabSeparatedText
{
    private const char CellSeparator = '\t';

    /// <param name="encoding">The encoding the text was decoded from, for messages.</param>
    public static PlanDocument Read(string text, string? encoding = null)
    {
        // Only CR, LF and CRLF end lines: line numbers must match what an editor shows, and
        // ReplaceLineEndings would also break at form feeds (pdftotext ends every page with one).
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var rows = new List<PlanRow>(lines.Length);
        var paragraphs = new List<PlanParagraph>();
        for (var i = 0; i < lines.Length; i++)
        {
            var location = PlanLocation.AtLine(i + 1);
            rows.Add(new PlanRow(lines[i].Split(CellSeparator), location));
            if (!lines[i].Contains(CellSeparator) && !string.IsNullOrWhiteSpace(lines[i]))
                paragraphs.Add(new PlanParagraph(lines[i].Trim(), location));
        }
        return new PlanDocument(PlanFileFormat.Text, encoding, [new PlanTable(rows)], paragraphs);
    }
}
