using System.Text.RegularExpressions;

namespace ReformBot.Core.Departments;

/// <summary>
/// Units that name many offices at once — 各县市区人民政府, 各有关单位, 市直有关部门, 其他相关部门. A plan lists them as
/// responsible, so they are kept as units; but nobody can report for “every county”, so such a unit can register no
/// contact until the office maps its name onto a real department (an alias in the department directory).
/// </summary>
public static partial class GenericUnits
{
    public static bool IsGeneric(string name) => Pattern().IsMatch(DepartmentDirectory.Key(name));

    [GeneratedRegex(@"^各|^其他|^其它|有关|相关(?:部门|单位|机构)$|^(?:市|县|区|省)直")]
    private static partial Regex Pattern();
}
