using System.Text;
using System.Text.RegularExpressions;

namespace ReformBot.Core.Plans;

/// <summary>
/// Reads a plan without a task table (the State Council's 分工 style and most local 分解方案): each task is a numbered
/// paragraph (1. / （1） / 1、 / （一） / 一、 / 一是) whose responsible units follow in parentheses
/// (……。（省发展改革委牵头，省财政厅等按职责分工负责）, （牵头单位：…；责任单位：…）) or after a label, in the paragraph or on
/// lines of their own below it (责任单位：…, 完成时限：…). A numbered paragraph without units, followed by no unit
/// line, is a category heading: the section of the tasks below it. Tasks are numbered 1..n in document order, since
/// the paragraphs' own numbering often restarts in each section.
/// </summary>
public static partial class PlanParagraphParser
{
    /// <summary>The tasks the paragraphs hold; empty when no numbered paragraph names its units.</summary>
    /// <param name="planYear">The year a bare 年底前 means.</param>
    /// <exception cref="PlanFormatException">A paragraph numbered like the tasks around it names no unit, or holds no text.</exception>
    public static IReadOnlyList<ParsedTask> Parse(IReadOnlyList<PlanParagraph> paragraphs, int? planYear)
    {
        var items = new List<Item>();
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Text.Trim();
            if (text.Length == 0) continue;
            var numbering = Numbering().Match(text);
            if (numbering.Success)
            {
                var item = new Item(paragraph.Location, KindOf(numbering), numbering.Value.Trim(), text[numbering.Length..]);
                item.TakeTail();
                items.Add(item);
            }
            else if (items.Count > 0 && LineLabel().IsMatch(text)) items[^1].AddTail(text);
            // Text between numbered paragraphs (a task written over two paragraphs, or broken by a PDF's page)
            // continues the one above until its units are named; lines without any Chinese (page numbers) continue nothing.
            else if (items.Count > 0 && !items[^1].HasUnits && ChineseLetter().IsMatch(text))
            {
                items[^1].Body.Append(text);
                items[^1].TakeTail();
            }
        }

        var tasks = new List<ParsedTask>();
        string? section = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!item.HasUnits)
            {
                // Between two tasks numbered as it is, it is a task whose units are missing, not a heading.
                if (IsTask(items, i - 1, item.Kind) && IsTask(items, i + 1, item.Kind))
                    throw Error(PlanFormatErrorKind.RowWithoutDepartment, item.Location, (tasks.Count + 1).ToString());
                section = item.Heading();
                continue;
            }
            var number = tasks.Count + 1;
            var text = TextCleanup.CleanTaskText(item.Body.ToString());
            if (text.Length == 0) throw Error(PlanFormatErrorKind.RowWithoutText, item.Location, number.ToString());
            var departments = DepartmentCellParser.Parse(item.Units.ToString());
            if (departments.Count == 0) throw Error(PlanFormatErrorKind.RowWithoutDepartment, item.Location, number.ToString());
            var (schedule, unread) = ScheduleParser.Read(item.Schedule.ToString(), planYear);
            tasks.Add(new ParsedTask(number, text, departments, schedule, item.Location.Line)
            {
                Section = section,
                Warnings = unread.Length > 0 ? [new PlanWarning(PlanWarningKind.ScheduleNotUnderstood, unread)] : [],
            });
        }
        return tasks;
    }

    private static bool IsTask(List<Item> items, int i, NumberKind kind) =>
        i >= 0 && i < items.Count && items[i].HasUnits && items[i].Kind == kind;

    private static NumberKind KindOf(Match m) =>
        m.Groups["digit"].Success ? NumberKind.Digit
        : m.Groups["pdigit"].Success ? NumberKind.ParenDigit
        : m.Groups["pchinese"].Success ? NumberKind.ParenChinese
        : m.Groups["chinese"].Success ? NumberKind.Chinese
        : NumberKind.FirstlyStyle;

    private enum NumberKind { Digit, ParenDigit, ParenChinese, Chinese, FirstlyStyle }

    /// <summary>A numbered paragraph as read: its text, and the units and schedule taken from its tail and the label lines below it.</summary>
    private sealed class Item(PlanLocation location, NumberKind kind, string label, string body)
    {
        private readonly string _firstParagraph = body;
        public PlanLocation Location { get; } = location;
        public NumberKind Kind { get; } = kind;
        public StringBuilder Body { get; } = new(body);
        public StringBuilder Units { get; } = new();
        public StringBuilder Schedule { get; } = new();
        public bool HasUnits => Units.Length > 0;

        /// <summary>As a heading: its number and first sentence (（一）着力扩大国内需求。把恢复和扩大消费…… gives （一）着力扩大国内需求).</summary>
        public string Heading()
        {
            var text = TextCleanup.CleanTaskText(_firstParagraph);
            var end = text.IndexOfAny(['。', '；']);
            return label + (end > 0 ? text[..end] : text);
        }

        /// <summary>
        /// Moves the units and deadlines at the paragraph's end into their places: parentheses at the end that name
        /// units or a deadline, and a label after the last sentence (……。责任单位：省发改委).
        /// </summary>
        public void TakeTail()
        {
            var text = Body.ToString();
            while (TrailingParentheses().Match(text) is { Success: true } m && IsTail(m.Groups["inner"].Value))
            {
                AddTail(m.Groups["inner"].Value);
                text = text[..m.Index];
            }
            if (InlineLabel().Match(text) is { Success: true } label)
            {
                AddTail(text[label.Groups["tail"].Index..]);
                text = text[..label.Groups["tail"].Index];
            }
            Body.Clear().Append(text);
        }

        /// <summary>
        /// Adds what names units or a deadline: 省发改委牵头，2026年6月底前完成 / 牵头单位：…；完成时限：…. Parts that read
        /// wholly as a schedule, or follow a deadline label, are the schedule; the rest names the units.
        /// </summary>
        public void AddTail(string tail)
        {
            var text = TextCleanup.RemoveAllWhitespace(tail).TrimEnd('。', '.');
            foreach (var part in TailParts(text))
            {
                var deadline = DeadlineLabel().Match(part);
                if (deadline.Success) Schedule.Append(part[deadline.Length..]);
                else if (IsSchedule(part)) Schedule.Append(part);
                else if (part.Length > 0) Units.Append(Units.Length > 0 ? "；" : "").Append(part);
            }
        }

        private static bool IsTail(string inner) => UnitCue().IsMatch(inner) || IsScheduleOnly(inner);
    }

    /// <summary>
    /// A part of the tail that gives the time: read wholly as a schedule, or, naming no unit, ending as a time does
    /// (秋季启动), so that wording the schedule parser does not know becomes a warning rather than a department.
    /// </summary>
    private static bool IsSchedule(string part) => IsScheduleOnly(part) || (!UnitCue().IsMatch(part) && ScheduleEnding().IsMatch(part));

    private static bool IsScheduleOnly(string text) => ScheduleParser.ReadsWhollyAsSchedule(text);

    /// <summary>Splits at ； ， , and ; outside parentheses; the units' own 、 lists stay whole for the cell parser.</summary>
    private static List<string> TailParts(string text)
    {
        var parts = TextCleanup.SplitOutsideParentheses(text, '；', ';', '，', ',');
        // 省发改委牵头，省财政厅等按职责分工负责: the cell parser reads the two halves as one list again.
        var merged = new List<string>();
        foreach (var part in parts)
        {
            if (merged.Count > 0 && !DeadlineLabel().IsMatch(part) && !UnitLabel().IsMatch(part) && !IsDeadline(merged[^1]) && !IsDeadline(part))
                merged[^1] += "，" + part;
            else merged.Add(part);
        }
        return merged;

        static bool IsDeadline(string part) => DeadlineLabel().IsMatch(part) || IsSchedule(part);
    }

    private static PlanFormatException Error(PlanFormatErrorKind kind, PlanLocation location, string detail) =>
        new(new PlanFormatError(kind, location, detail) { InParagraphs = true });

    // 1. 1．1、 （1） (1) （一） 一、 一是; not 1.1 or a year (2026年).
    [GeneratedRegex(@"^(?:(?<digit>\d{1,3})[.．、](?!\d)|[（(]?(?<pdigit>\d{1,3})[）)]|[（(](?<pchinese>[一二三四五六七八九十]{1,3})[）)]|(?<chinese>[一二三四五六七八九十]{1,3})、|(?<firstly>[一二三四五六七八九十]{1,3})是(?=\S))\s*")]
    private static partial Regex Numbering();

    // The parentheses a paragraph ends with, before its closing full stop.
    [GeneratedRegex(@"[（(](?<inner>[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)][。.；;]?\s*$")]
    private static partial Regex TrailingParentheses();

    // What names responsible units: a role word or label.
    [GeneratedRegex(@"牵头|负责|配合|参与|协办|协同|(?:责任|牵头|配合)(?:单位|部门)")]
    private static partial Regex UnitCue();

    // The labels of a deadline line: 完成时限：2026年底前.
    private const string DeadlineLabels = "完成时限|完成时间|时间节点|进度安排|时间进度|时限";

    [GeneratedRegex(@"^(?:" + DepartmentCellParser.LabelPattern + "|" + DeadlineLabels + @")[:：]")]
    private static partial Regex LineLabel();

    // A label after the paragraph's last sentence: ……。责任单位：省发改委.
    [GeneratedRegex(@"[。；;]\s*(?<tail>(?:" + DepartmentCellParser.LabelPattern + @"|完成时限|完成时间|时间节点)[:：].*)$")]
    private static partial Regex InlineLabel();

    [GeneratedRegex(@"(?:完成|启动|推进|实施|开展|前|底|季度|年|月)$")]
    private static partial Regex ScheduleEnding();

    [GeneratedRegex(@"^(?:" + DeadlineLabels + @")[:：]")]
    private static partial Regex DeadlineLabel();

    [GeneratedRegex(@"^" + DepartmentCellParser.LabelPattern + @"[:：]")]
    private static partial Regex UnitLabel();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseLetter();
}
