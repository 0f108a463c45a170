namespace ReformBot.Core.Plans;

/// <summary>
/// Parses a plan's task-division table (重点任务分工及进度安排表) from the rows of a plan document
/// (<see cref="PlanDocument"/>; plain text: one row a line, cells separated by tabs): a header row
/// (序号 重点任务 责任部门 时间进度), repeated on every page. A row whose number cell is empty continues the
/// row above it (rows broken across pages); its cells are appended to that row's cells. Rows of one cell
/// (titles, page numbers) are ignored, as is everything before the first header.
/// </summary>
public static partial class PlanTableParser
{
    /// <exception cref="PlanFormatException">The text holds no table, or a row is malformed.</exception>
    public static IReadOnlyList<ParsedTask> Parse(string planText) => Parse(TabSeparatedText.Read(planText));

    /// <exception cref="PlanFormatException">The document holds no table, or a row is malformed.</exception>
    public static IReadOnlyList<ParsedTask> Parse(PlanDocument document)
    {
        var lines = document.TaskTableRows(IsHeader);
        var headerIndex = lines.FindIndex(r => IsHeader(r.Cells));
        if (headerIndex < 0)
            throw Error(PlanFormatErrorKind.NoTable, lines.Count > 0 ? lines[0].Location : PlanLocation.AtLine(1), "序号");
        var headerLocation = lines[headerIndex].Location;
        var columns = TableColumns.FromHeader([.. lines[headerIndex].Cells], headerLocation);

        var rows = new List<RawRow>();
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            // A row of empty cells is as blank as an empty line: it continues nothing.
            if (line.Cells.Count < 2 || line.Cells.All(string.IsNullOrWhiteSpace) || IsHeader(line.Cells)) continue;

            var lineNumber = line.Location;
            var cells = line.Cells.ToArray();
            if (cells.Length > columns.Count)
                throw Error(PlanFormatErrorKind.TooManyCells, lineNumber, cells.Length.ToString());

            var numberCell = columns.Cell(cells, columns.Number).Trim();
            if (numberCell.Length == 0)
            {
                if (rows.Count == 0) throw Error(PlanFormatErrorKind.ContinuationWithoutRow, lineNumber, string.Join(" ", cells.Select(c => c.Trim())).Trim());
                rows[^1].Append(columns, cells);
                continue;
            }
            if (!int.TryParse(numberCell, out var number) || number <= 0)
                throw Error(PlanFormatErrorKind.RowWithoutNumber, lineNumber, numberCell);

            var row = new RawRow(number, lineNumber);
            row.Append(columns, cells);
            rows.Add(row);
        }

        return ToTasks(rows, headerLocation, PlanYear(document));
    }

    /// <summary>The year a bare 年底前 means: the first year the title or preamble names (2026年工作要点), if any.</summary>
    private static int? PlanYear(PlanDocument document)
    {
        foreach (var paragraph in document.Paragraphs)
            if (YearInTitle().Match(paragraph.Text.Normalize(System.Text.NormalizationForm.FormKC)) is { Success: true } m)
                return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"((?:19|20)\d{2})年")]
    private static partial System.Text.RegularExpressions.Regex YearInTitle();

    private static IReadOnlyList<ParsedTask> ToTasks(List<RawRow> rows, PlanLocation headerLine, int? planYear)
    {
        if (rows.Count == 0) throw Error(PlanFormatErrorKind.NoTable, headerLine, "序号");

        var seen = new Dictionary<int, PlanLocation>();
        var tasks = new List<ParsedTask>(rows.Count);
        foreach (var row in rows)
        {
            if (seen.TryGetValue(row.Number, out var firstLine))
                throw Error(PlanFormatErrorKind.DuplicateNumber, row.Line, $"{row.Number}@{firstLine.Line}");
            var expected = tasks.Count + 1;
            if (row.Number != expected)
                throw Error(PlanFormatErrorKind.MissingNumber, row.Line, $"{expected}");
            seen[row.Number] = row.Line;

            var text = TextCleanup.CleanTaskText(row.Text.ToString());
            if (text.Length == 0) throw Error(PlanFormatErrorKind.RowWithoutText, row.Line, row.Number.ToString());
            var departments = DepartmentCellParser.Parse(row.Departments.ToString());
            if (departments.Count == 0) throw Error(PlanFormatErrorKind.RowWithoutDepartment, row.Line, row.Number.ToString());

            var (schedule, unread) = ScheduleParser.Read(row.Schedule.ToString(), planYear);
            tasks.Add(new ParsedTask(row.Number, text, departments, schedule, row.Line.Line)
            {
                Warnings = unread.Length > 0 ? [new PlanWarning(PlanWarningKind.ScheduleNotUnderstood, unread)] : [],
            });
        }
        return tasks;
    }

    private static bool IsHeader(IReadOnlyList<string> cells) =>
        cells.Any(c => TextCleanup.RemoveAllWhitespace(c) == TableColumns.NumberHeader);

    private static PlanFormatException Error(PlanFormatErrorKind kind, PlanLocation line, string detail) =>
        new(new PlanFormatError(kind, line, detail));

    /// <summary>A row as read so far; continuation lines append to its cells.</summary>
    private sealed class RawRow(int number, PlanLocation line)
    {
        public int Number { get; } = number;
        public PlanLocation Line { get; } = line;
        public System.Text.StringBuilder Text { get; } = new();
        public System.Text.StringBuilder Departments { get; } = new();
        public System.Text.StringBuilder Schedule { get; } = new();

        public void Append(TableColumns columns, string[] cells)
        {
            // A cell broken across pages continues without a separator: “中国人民银” + “行乌鲁木齐中心支行”.
            Text.Append(columns.Cell(cells, columns.Text).Trim());
            Departments.Append(columns.Cell(cells, columns.Departments).Trim());
            Schedule.Append(columns.Cell(cells, columns.Schedule).Trim());
        }
    }

    /// <summary>Which cell holds what, found from the header's words so that column order may vary.</summary>
    private sealed record TableColumns(int Count, int Number, int Text, int Departments, int Schedule)
    {
        public const string NumberHeader = "序号";

        public static TableColumns FromHeader(string[] header, PlanLocation line)
        {
            var names = header.Select(h => TextCleanup.RemoveAllWhitespace(h)).ToArray();
            int Find(string what, params string[] words)
            {
                var index = Array.FindIndex(names, n => words.Any(n.Contains));
                return index >= 0 ? index : throw Error(PlanFormatErrorKind.MissingColumn, line, what);
            }
            var number = Array.IndexOf(names, NumberHeader);
            var departments = Find("责任部门", "责任", "部门", "单位");
            var schedule = Find("时间进度", "时间", "进度", "时限");
            var text = Array.FindIndex(names, n => n.Contains("任务") && n != names[departments]);
            if (text < 0) throw Error(PlanFormatErrorKind.MissingColumn, line, "重点任务");
            return new TableColumns(names.Length, number, text, departments, schedule);
        }

        public string Cell(string[] cells, int index) => index < cells.Length ? cells[index] : "";
    }
}
