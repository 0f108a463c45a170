using System.Text;
using ReformBot.Core.Departments;
using ReformBot.Core.Periods;

namespace ReformBot.Host.Bot.Commands;

/// <summary>The arguments of 周报 and 导出: any of a quarter (2026Q4, also in full-width) and a department (any of its names).</summary>
/// <param name="Unknown">The first word that is neither; null when all were understood.</param>
public sealed record PeriodOrDepartment(Quarter? Period, string? Department, string? Unknown)
{
    public static PeriodOrDepartment Parse(string argument, IReadOnlyList<Department> departments)
    {
        Quarter? period = null;
        string? department = null;
        DepartmentDirectory? directory = null;
        foreach (var word in argument.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Quarter.TryParse(word.Normalize(NormalizationForm.FormKC), out var quarter)) period = quarter;
            else if ((directory ??= new DepartmentDirectory(departments)).Resolve(word) is { } found) department = found.Name;
            else return new PeriodOrDepartment(period, department, word);
        }
        return new PeriodOrDepartment(period, department, null);
    }
}
