namespace ReformBot.Core.Plans;

/// <summary>
/// Reads a responsible-departments cell (责任部门) into names and roles:
/// the first listed department leads and the others support, except
/// “A、B按职能分别牵头” (every listed department leads its own part) and
/// “A、B牵头、C、D” (A and B lead). 、 and ， both separate names; a trailing 等 (“and others”) is no name.
/// Names are returned with whitespace removed but not yet resolved to canonical names.
/// </summary>
public static class DepartmentCellParser
{
    private const string EachLeadsSuffix = "按职能分别牵头";
    private const string LeadMarker = "牵头";
    private const string AndOthers = "等";
    private static readonly char[] Separators = ['、', '，', ',', '；', ';'];

    public static IReadOnlyList<TaskDepartment> Parse(string cell)
    {
        var text = TextCleanup.RemoveAllWhitespace(cell).TrimEnd(Separators);
        var everyoneLeads = text.EndsWith(EachLeadsSuffix, StringComparison.Ordinal);
        if (everyoneLeads) text = text[..^EachLeadsSuffix.Length];

        var names = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (names.Count > 0 && names[^1].EndsWith(AndOthers, StringComparison.Ordinal))
        {
            names[^1] = names[^1][..^AndOthers.Length];
            if (names[^1].Length == 0) names.RemoveAt(names.Count - 1);
        }

        // “A、B牵头、C”: the last name marked 牵头 closes the list of leads.
        var lastMarkedLead = names.FindLastIndex(n => n.EndsWith(LeadMarker, StringComparison.Ordinal) && n.Length > LeadMarker.Length);
        var result = new List<TaskDepartment>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (i <= lastMarkedLead && name.EndsWith(LeadMarker, StringComparison.Ordinal) && name.Length > LeadMarker.Length)
                name = name[..^LeadMarker.Length];
            var leads = everyoneLeads || (lastMarkedLead >= 0 ? i <= lastMarkedLead : i == 0);
            result.Add(new TaskDepartment(name, leads ? DepartmentRole.Lead : DepartmentRole.Support));
        }
        return result;
    }
}
