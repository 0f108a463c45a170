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
        {
            // A plan without a table: tasks as numbered paragraphs with their units in parentheses or after a label.
            // A web page often sets its whole text in a layout table: then the paragraphs are that table's lines.
            if (PlanParagraphParser.Parse(document.Paragraphs, PlanYear(document.Paragraphs)) is { Count: > 0 } paragraphTasks) return paragraphTasks;
            var tableLines = document.TableLines();
            if (PlanParagraphParser.Parse(tableLines, PlanYear(tableLines)) is { Count: > 0 } tableLineTasks) return tableLineTasks;
            throw Error(PlanFormatErrorKind.NoTable, lines.Count > 0 ? lines[0].Location : PlanLocation.AtLine(1), "序号");
        }
        var headerLocation = lines[headerIndex].Location;
        var header = lines[headerIndex].Cells.ToArray();
        // A two-level header: 责任单位 over 牵头单位 | 配合单位.
        if (headerIndex + 1 < lines.Count && IsSubHeader(lines[headerIndex + 1].Cells))
            header = TableColumns.Combine(header, lines[headerIndex + 1].Cells);
        var columns = TableColumns.FromHeader(header, headerLocation);

        var rows = new List<RawRow>();
        string? section = null;
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            // A category heading may stand alone on its line (plain text) or fill one merged cell.
            if (TableColumns.Heading(line.Cells) is { } heading)
            {
                section = heading;
                continue;
            }
            // A row of empty cells is as blank as an empty line: it continues nothing.
            if (line.Cells.Count < 2 || line.Cells.All(string.IsNullOrWhiteSpace) || IsHeader(line.Cells) || IsSubHeader(line.Cells)) continue;

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
            // The table's first number sets its numbering: 1, 2 or 1.1, 1.2 or 一、二; a row numbered otherwise is refused.
            if (TaskNumbering.ReadCell(numberCell) is not { } number || (rows.Count > 0 && number.Chinese != rows[0].Number.Chinese))
                throw Error(PlanFormatErrorKind.RowWithoutNumber, lineNumber, numberCell);

            var row = new RawRow(number, lineNumber, section);
            row.Append(columns, cells);
            rows.Add(row);
        }

        var tasks = ToTasks(rows, headerLocation, PlanYear(document.Paragraphs));
        return tasks.Select((task, i) => WithAlignmentWarnings(task, rows[i], columns, header)).ToList();
    }

    /// <summary>
    /// A row whose cells do not line up with the header (a cell left out, or text in its neighbour's column) is read
    /// without error but is named in the preview: a department cell that reads wholly as a schedule (2026年6月底前), a
    /// schedule cell that reads as nothing but unit names (省财政厅) — then it is not also named as not understood — and
    /// a row with fewer cells than the header whose task, department or schedule column it never reached.
    /// </summary>
    private static ParsedTask WithAlignmentWarnings(ParsedTask task, RawRow row, TableColumns columns, string[] header)
    {
        var warnings = task.Warnings.ToList();
        foreach (var cell in row.DepartmentCells.Where(ScheduleParser.ReadsWhollyAsSchedule))
            warnings.Add(new PlanWarning(PlanWarningKind.ScheduleInDepartmentCell, cell));
        var schedule = row.Schedule.ToString();
        if (task.Schedule is { StartYear: null, DueYear: null, DoneYear: null, Ongoing: false, EveryYear: false } && ReadsAsUnits(schedule))
        {
            warnings.RemoveAll(w => w.Kind == PlanWarningKind.ScheduleNotUnderstood);
            warnings.Add(new PlanWarning(PlanWarningKind.UnitsInScheduleCell, schedule));
        }
        foreach (var missing in row.MissingColumns(columns))
            warnings.Add(new PlanWarning(PlanWarningKind.MissingCells, TextCleanup.RemoveAllWhitespace(header[missing])));
        return warnings.Count == task.Warnings.Count && warnings.SequenceEqual(task.Warnings) ? task : task with { Warnings = warnings };

        static bool ReadsAsUnits(string text) =>
            DepartmentCellParser.Parse(text) is { Count: > 0 } names && names.All(n => Departments.DepartmentNameCheck.EndsLikeUnit(n.Name));
    }

    /// <summary>The year a bare 年底前 means: the first year the title or preamble names (2026年工作要点), if any.</summary>
    private static int? PlanYear(IEnumerable<PlanParagraph> paragraphs)
    {
        foreach (var paragraph in paragraphs)
            if (YearInTitle().Match(paragraph.Text.Normalize(System.Text.NormalizationForm.FormKC)) is { Success: true } m)
                return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"((?:19|20)\d{2})年")]
    private static partial System.Text.RegularExpressions.Regex YearInTitle();

    private static IReadOnlyList<ParsedTask> ToTasks(List<RawRow> rows, PlanLocation headerLine, int? planYear)
    {
        if (rows.Count == 0) throw Error(PlanFormatErrorKind.NoTable, headerLine, "序号");

        // Numbering that restarts at 1 under each category row: the tasks are numbered 1..n in table order instead,
        // and each section's numbers are checked on their own.
        var sectionStarts = rows.Skip(1).Where((row, i) => row.Section != rows[i].Section).ToList();
        var restartsPerSection = sectionStarts.Count > 0 && rows[0].Number.IsFirst && sectionStarts.All(r => r.Number.IsFirst);

        // A table may be a later part of a plan (starting at 80), but a number below its first is out of order.
        var first = rows[0].Number;
        if (!restartsPerSection && !first.IsFirst && rows.Any(r => r.Number.Precedes(first)))
            throw Error(PlanFormatErrorKind.MissingNumber, rows[0].Line, first.Chinese ? "一" : "1");

        var seen = new Dictionary<string, PlanLocation>();
        var tasks = new List<ParsedTask>(rows.Count);
        TaskNumbering.Reading? previous = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (restartsPerSection && i > 0 && row.Section != rows[i - 1].Section)
            {
                seen.Clear();
                previous = null;
            }
            var written = row.Number.Label;
            if (seen.TryGetValue(written, out var firstLine))
                throw Error(PlanFormatErrorKind.DuplicateNumber, row.Line, $"{written}@{firstLine.Line}");
            if (previous is not null && !row.Number.Follows(previous))
                throw Error(PlanFormatErrorKind.MissingNumber, row.Line, previous.Next());
            seen[written] = row.Line;
            previous = row.Number;
            var number = tasks.Count + 1;

            var text = TextCleanup.CleanTaskText(row.Text.ToString());
            if (text.Length == 0) throw Error(PlanFormatErrorKind.RowWithoutText, row.Line, written);
            var departments = DepartmentCellParser.Parse(row.DepartmentCell());
            if (departments.Count == 0) throw Error(PlanFormatErrorKind.RowWithoutDepartment, row.Line, written);

            var (schedule, unread) = ScheduleParser.Read(row.Schedule.ToString(), planYear);
            var warnings = new List<PlanWarning>();
            if (i == 0 && !first.IsFirst) warnings.Add(new PlanWarning(PlanWarningKind.NumberingStartsLater, written));
            if (unread.Length > 0) warnings.Add(new PlanWarning(PlanWarningKind.ScheduleNotUnderstood, unread));
            // Labels are unique in a plan: numbers that repeat in each section give way to the task's number.
            var label = restartsPerSection ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : written;
            tasks.Add(new ParsedTask(number, text, departments, schedule, row.Line.Line)
            {
                Label = label,
                Section = row.Section,
                WrittenNumber = label != written ? written : null,
                Warnings = warnings.Count > 0 ? warnings.ToArray() : [],
            });
        }
        return tasks;
    }

    private static bool IsHeader(IReadOnlyList<string> cells) =>
        cells.Any(c => TextCleanup.RemoveAllWhitespace(c) == TableColumns.NumberHeader);

    /// <summary>The lower row of a two-level header: 牵头单位 | 配合单位 under a merged 责任单位, no number.</summary>
    private static bool IsSubHeader(IReadOnlyList<string> cells) =>
        cells.Any(c => SubHeaderWord().IsMatch(TextCleanup.RemoveAllWhitespace(c))) &&
        cells.All(c => TextCleanup.RemoveAllWhitespace(c) is var w && (w.Length == 0 || SubHeaderWord().IsMatch(w)));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部分章节类项])\S")]
    private static partial System.Text.RegularExpressions.Regex HeadingNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:牵头|主责|责任|配合|参与|协办|协助)(?:单位|部门)?$")]
    private static partial System.Text.RegularExpressions.Regex SubHeaderWord();

    private static PlanFormatException Error(PlanFormatErrorKind kind, PlanLocation line, string detail) =>
        new(new PlanFormatError(kind, line, detail));

    /// <summary>A row as read so far; continuation lines append to its cells.</summary>
    private sealed class RawRow(TaskNumbering.Reading number, PlanLocation line, string? section)
    {
        public string? Section { get; } = section;
        public TaskNumbering.Reading Number { get; } = number;
        public PlanLocation Line { get; } = line;
        public System.Text.StringBuilder Text { get; } = new();
        public System.Text.StringBuilder Schedule { get; } = new();
        private readonly List<(string? Label, System.Text.StringBuilder Cell)> _departments = [];
        private int _widest;

        public IEnumerable<string> DepartmentCells => _departments.Select(d => d.Cell.ToString()).Where(c => c.Length > 0);

        /// <summary>The task, department and schedule columns that none of the row's lines had a cell for, all empty.</summary>
        public IEnumerable<int> MissingColumns(TableColumns columns) =>
            new[] { columns.Text, columns.Schedule }.Concat(columns.Departments.Select(d => d.Index)).Where(i => i >= _widest).Order();

        public void Append(TableColumns columns, string[] cells)
        {
            _widest = Math.Max(_widest, cells.Length);
            // A cell broken across pages continues without a separator: “中国人民银” + “行乌鲁木齐中心支行”.
            Text.Append(columns.Cell(cells, columns.Text).Trim());
            for (var i = 0; i < columns.Departments.Count; i++)
            {
                if (_departments.Count <= i) _departments.Add((columns.Departments[i].Label, new()));
                _departments[i].Cell.Append(columns.Cell(cells, columns.Departments[i].Index).Trim());
            }
            Schedule.Append(columns.Cell(cells, columns.Schedule).Trim());
        }

        /// <summary>
        /// The department columns as one cell for <see cref="DepartmentCellParser"/>: one column as it is; separate
        /// 牵头 and 配合 columns as a labelled list (牵头单位：…；配合单位：…), so that each keeps its role in any order.
        /// </summary>
        public string DepartmentCell() =>
            _departments.Count == 1
                ? _departments[0].Cell.ToString()
                : string.Concat(_departments.Where(d => d.Cell.Length > 0).Select(d => $"{d.Label}：{d.Cell}；"));
    }

    /// <summary>
    /// Which cell holds what, found from the header's words so that column order may vary: 序号; the task
    /// (重点任务, 工作任务, 工作内容, 具体举措, 任务内容); one or more department columns (责任部门, 责任单位, 牵头单位,
    /// 配合单位, 参与单位, 协办单位); the schedule (时间进度, 进度安排, 完成时限, 时间节点, 完成时间). Columns of people
    /// (责任领导, 分管领导, 联系人, 联系电话, 责任人) and 备注 are never read as departments.
    /// </summary>
    /// <param name="Departments">Department columns in table order, each with the label of its role.</param>
    private sealed record TableColumns(int Count, int Number, int Text, IReadOnlyList<(int Index, string Label)> Departments, int Schedule)
    {
        public const string NumberHeader = "序号";

        private static readonly string[] PersonWords = ["领导", "联系人", "电话", "责任人", "负责人", "备注"];
        private static readonly string[] TaskWords = ["任务", "工作内容", "举措", "措施"];
        private static readonly string[] ScheduleWords = ["时间", "进度", "时限", "节点", "期限"];
        private static readonly string[] DepartmentWords = ["部门", "单位", "责任"];
        private static readonly string[] SupportWords = ["配合", "参与", "协办", "协助", "协同"];

        public static TableColumns FromHeader(string[] header, PlanLocation line)
        {
            var names = header.Select(h => TextCleanup.RemoveAllWhitespace(h)).ToArray();
            bool Has(string name, string[] words) => words.Any(name.Contains);
            var number = Array.IndexOf(names, NumberHeader);
            var departments = new List<(int, string)>();
            for (var i = 0; i < names.Length; i++)
            {
                if (i == number || Has(names[i], PersonWords) || !(Has(names[i], DepartmentWords) || names[i].Contains("牵头") || Has(names[i], SupportWords))) continue;
                var label = names[i].Contains("牵头") ? "牵头单位" : Has(names[i], SupportWords) ? "配合单位" : "责任单位";
                departments.Add((i, label));
            }
            if (departments.Count == 0) throw Error(PlanFormatErrorKind.MissingColumn, line, "责任部门");
            // 主要责任单位 | 协同配合单位: beside a column of supporting units and no 牵头 column, the units a 责任 column lists lead.
            if (departments.Any(d => d.Item2 == "配合单位") && departments.All(d => d.Item2 != "牵头单位"))
                departments = departments.Select(d => d.Item2 == "责任单位" ? (d.Item1, "牵头单位") : d).ToList();
            var isDepartment = departments.Select(d => d.Item1).ToHashSet();
            int Find(string what, string[] words)
            {
                for (var i = 0; i < names.Length; i++)
                    if (i != number && !isDepartment.Contains(i) && !Has(names[i], PersonWords) && Has(names[i], words)) return i;
                throw Error(PlanFormatErrorKind.MissingColumn, line, what);
            }
            var schedule = Find("时间进度", ScheduleWords);
            var text = Find("重点任务", TaskWords);
            return new TableColumns(names.Length, number, text, departments, schedule);
        }

        /// <summary>A two-level header's names: 责任单位 over 牵头单位 gives 责任单位牵头单位; a merged upper cell spans right.</summary>
        public static string[] Combine(string[] upper, IReadOnlyList<string> lower)
        {
            var combined = new string[Math.Max(upper.Length, lower.Count)];
            for (var i = 0; i < combined.Length; i++)
            {
                var top = i < upper.Length ? upper[i] : "";
                var below = i < lower.Count ? lower[i] : "";
                if (string.IsNullOrWhiteSpace(top) && below.Length > 0 && i > 0) top = upper[Math.Min(i - 1, upper.Length - 1)];
                combined[i] = top == below ? top : top + below;
            }
            return combined;
        }

        public string Cell(string[] cells, int index) => index < cells.Length ? cells[index] : "";

        /// <summary>
        /// A category row between tasks (一、推动芯片全链发展 / （二）…): a numbered heading in the first filled cell and
        /// nothing else but copies of it (a merged cell), so no task is ever taken for a heading.
        /// </summary>
        public static string? Heading(IReadOnlyList<string> cells)
        {
            var filled = cells.Select(c => TextCleanup.CleanTaskText(c)).Where(c => c.Length > 0).Distinct().ToList();
            return filled is [var only] && HeadingNumber().IsMatch(only) ? only : null;
        }
    }
}
