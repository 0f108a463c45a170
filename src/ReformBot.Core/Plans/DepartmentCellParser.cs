using System.Text.RegularExpressions;

namespace ReformBot.Core.Plans;

/// <summary>
/// Reads a responsible-departments cell (责任部门) into names and roles:
/// the first listed department leads and the others support, except
/// “A、B按职能分别牵头” (every listed department leads its own part),
/// “A、B牵头、C、D” (A and B lead) and labelled lists “牵头单位：A；配合单位：B、C” (the labels say who leads).
/// 、 ， and ； separate names, but not inside parentheses (各县（市、区）人民政府 is one unit). Phrases that are no
/// name are dropped: a trailing 等 (“and others”), 按职责分工负责, 配合, 参与.
/// Names are returned with whitespace removed but not yet resolved to canonical names.
/// </summary>
public static partial class DepartmentCellParser
{
    private const string EachLeadsSuffix = "按职能分别牵头";
    private const string LeadMarker = "牵头";
    private static readonly char[] Separators = ['、', '，', ',', '；', ';'];

    // Longest first, so that 按职责分工负责 goes whole rather than leaving 按职责分工.
    private static readonly string[] NoNameSuffixes =
        ["按职责分工负责", "按职能分工负责", "按职责分别负责", "按职责负责", "按职责分工", "分别负责", "共同负责", "负责", "配合", "参与", "协办", "等"];

    public static IReadOnlyList<TaskDepartment> Parse(string cell)
    {
        var text = TextCleanup.RemoveAllWhitespace(cell);
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

    /// <summary>Splits at separators outside parentheses: 各县（市、区）人民政府 stays one name.</summary>
    private static List<string> Split(string text) =>
        TextCleanup.SplitOutsideParentheses(text, Separators).Where(n => n.Length > 0).ToList();

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

    private static bool IsLeadLabel(string label) => label.StartsWith("牵头", StringComparison.Ordinal) || label.StartsWith("主责", StringComparison.Ordinal);

    private static bool IsSupportLabel(string label) => label[..2] is "配合" or "参与" or "协办" or "协助";

    [GeneratedRegex(@"(?<label>(?:牵头|主责|责任|配合|参与|协办|协助)(?:单位|部门))[:：]")]
    private static partial Regex Label();
}
