using System.Text.RegularExpressions;
using ReformBot.Core.Departments;

namespace ReformBot.Core.Plans;

/// <summary>
/// Reads a responsible-departments cell (责任部门) into names and roles:
/// the first listed department leads and the others support, except
/// “A、B按职能分别牵头” (every listed department leads its own part),
/// “A、B牵头、C、D” (A and B lead) and labelled lists “牵头单位：A；配合单位：B、C” (the labels say who leads; also
/// 牵头责任单位, 协同责任单位, 主要责任单位). A list labelled as people (责任领导：张三, 牵头负责领导, 联系人) names no unit
/// and is dropped. 、 ， ； 。 and line breaks (a Word or Excel cell of one name a line) separate names, but not inside
/// parentheses (各县（市、区）人民政府 is one unit), nor around a single character (各县、市、区政府 is one unit).
/// Phrases that are no name are dropped: a trailing 等 (“and others”), 按职责分工负责, 配合, 参与; “A等B有关部门”
/// names A and the generic B有关部门.
/// Names are returned with whitespace removed but not yet resolved to canonical names.
/// </summary>
public static partial class DepartmentCellParser
{
    private const string EachLeadsSuffix = "按职能分别牵头";
    private const string LeadMarker = "牵头";
    private static readonly char[] Separators = ['、', '，', ',', '；', ';', '。'];

    /// <summary>
    /// A label before a list of units (牵头单位, 牵头责任单位, 协同责任单位, 协同配合单位, 主要责任部门…) or of people (责任领导,
    /// 牵头负责领导, 分管领导, 联系人, 责任人), without its colon. Shared with the paragraph parser.
    /// </summary>
    internal const string LabelPattern =
        @"(?:(?:牵头|主责|主要|责任|配合|参与|协办|协助|协同){1,2}(?:单位|部门)|(?:牵头|责任|分管|联系)?(?:负责)?(?:领导|人))";

    // Longest first, so that 按职责分工负责 goes whole rather than leaving 按职责分工.
    private static readonly string[] NoNameSuffixes =
        ["按职责分工负责", "按职能分工负责", "按职责分别负责", "按职责负责", "按职责分工", "分别负责", "共同负责", "负责", "配合", "参与", "协办", "等"];

    public static IReadOnlyList<TaskDepartment> Parse(string cell)
    {
        // A cell of one name a line: the line breaks separate the names; other whitespace is PDF extraction's.
        var text = TextCleanup.RemoveAllWhitespace(cell.Replace("\r\n", "\n").Replace('\n', '、'));
        var labels = Label().Matches(text);
        if (labels.Count == 0) return ParseList(text);

        // “牵头单位：A；配合单位：B、C”: each label's list has the label's role. A 责任单位 list beside a 牵头单位 list
        // supports; on its own it is an ordinary list whose first name leads.
        var hasLeadLabel = labels.Any(l => IsLeadLabel(l.Groups["label"].Value));
        var result = new List<TaskDepartment>();
        var before = text[..labels[0].Index];
        if (before.Trim(Separators).Length > 0) result.AddRange(ParseList(before));
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i].Groups["label"].Value;
            var start = labels[i].Index + labels[i].Length;
            var end = i + 1 < labels.Count ? labels[i + 1].Index : text.Length;
            var list = text[start..end];
            if (IsPersonLabel(label)) continue;
            if (IsLeadLabel(label)) result.AddRange(Names(list).Select(n => new TaskDepartment(n, DepartmentRole.Lead)));
            else if (IsSupportLabel(label) || hasLeadLabel) result.AddRange(Names(list).Select(n => new TaskDepartment(n, DepartmentRole.Support)));
            else result.AddRange(ParseList(list));
        }
        return result;
    }

    private static IReadOnlyList<TaskDepartment> ParseList(string text)
    {
        text = text.TrimEnd(Separators);
        var everyoneLeads = text.EndsWith(EachLeadsSuffix, StringComparison.Ordinal);
        if (everyoneLeads) text = text[..^EachLeadsSuffix.Length];

        var names = Split(text).Select(StripNoName).ToList();

        // “A、B牵头、C”: the last name marked 牵头 closes the list of leads.
        var lastMarkedLead = names.FindLastIndex(n => n.EndsWith(LeadMarker, StringComparison.Ordinal) && n.Length > LeadMarker.Length);
        var result = new List<TaskDepartment>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (i <= lastMarkedLead && name.EndsWith(LeadMarker, StringComparison.Ordinal) && name.Length > LeadMarker.Length)
                name = StripNoName(name[..^LeadMarker.Length]);
            if (name.Length == 0) continue;
            var leads = everyoneLeads || (lastMarkedLead >= 0 ? i <= lastMarkedLead : result.Count == 0);
            result.Add(new TaskDepartment(name, leads ? DepartmentRole.Lead : DepartmentRole.Support));
        }
        return result;
    }

    private static IEnumerable<string> Names(string list) =>
        Split(list.TrimEnd(Separators)).Select(StripNoName).Where(n => n.Length > 0);

    /// <summary>
    /// Splits at separators outside parentheses: 各县（市、区）人民政府 stays one name. No unit's name is one character,
    /// so one between separators lists places inside a name (各县、市、区政府) and is joined with its neighbours again.
    /// </summary>
    private static List<string> Split(string text)
    {
        var parts = TextCleanup.SplitOutsideParentheses(text, Separators).Where(n => n.Length > 0).ToList();
        var names = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            if (IsListedPlace(parts[i]) && names.Count > 0)
            {
                var joined = names[^1];
                while (i < parts.Count && IsListedPlace(parts[i])) joined += "、" + parts[i++];
                if (i < parts.Count) joined += "、" + parts[i];
                names[^1] = joined;
                continue;
            }
            names.AddRange(SplitAtAndOthers(parts[i]));
        }
        return names;

        static bool IsListedPlace(string part) => part.Length == 1 && part != "等";
    }

    /// <summary>“区经信局等区政府有关部门”: 区经信局 and others, and the generic 区政府有关部门 — two units. A 等 before no generic unit stays.</summary>
    private static IEnumerable<string> SplitAtAndOthers(string name)
    {
        name = name.TrimStart('等');
        var at = name.IndexOf('等', StringComparison.Ordinal);
        if (at > 0 && at < name.Length - 1 && GenericUnits.IsGeneric(name[(at + 1)..]))
            return [name[..at], name[(at + 1)..]];
        return [name];
    }

    private static string StripNoName(string name)
    {
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var suffix in NoNameSuffixes)
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    name = name[..^suffix.Length];
                    stripped = true;
                    break;
                }
        }
        return name;
    }

    private static bool IsLeadLabel(string label) => !IsPersonLabel(label) && StartsWithAny(label, "牵头", "主责", "主要");

    private static bool IsSupportLabel(string label) => StartsWithAny(label, "配合", "参与", "协办", "协助", "协同");

    private static bool StartsWithAny(string label, params string[] words) => words.Any(w => label.StartsWith(w, StringComparison.Ordinal));

    private static bool IsPersonLabel(string label) => label.EndsWith('人') || label.EndsWith("领导", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<label>" + LabelPattern + @")[:：]")]
    private static partial Regex Label();
}
