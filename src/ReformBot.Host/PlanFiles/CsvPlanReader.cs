using System.Text;
using ReformBot.Core.Plans;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Reads comma-separated values as Excel and WPS save them: a cell in double quotes may hold commas,
/// line breaks and doubled quotes. Rows are numbered by record, as Excel shows them when it opens the file.
/// </summary>
public static class CsvPlanReader
{
    /// <summary>Whether some record of the text has a 序号 cell: comma-separated text with a table header.</summary>
    public static bool HasHeaderRow(string text) =>
        text.Contains(',') && Records(text).Any(r => r.Count > 1 && r.Any(c => TextCleanup.RemoveAllWhitespace(c) == "序号"));

    public static PlanDocument Read(string text, string? encoding)
    {
        var rows = Records(text).Select((cells, i) => new PlanRow(cells, PlanLocation.AtLine(i + 1))).ToList();
        return new PlanDocument(PlanFileFormat.Csv, encoding, [new PlanTable(rows)], []);
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') EndCell();
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndCell();
                yield return record;
                record = [];
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || record.Count > 0)
        {
            EndCell();
            yield return record;
        }

        void EndCell()
        {
            record.Add(cell.ToString().Replace("\r\n", "\n"));
            cell.Clear();
        }
    }
}
