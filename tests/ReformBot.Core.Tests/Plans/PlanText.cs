using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

/// <summary>
/// Builds small plan texts line by line. Cells are joined with real tab characters, so what the
/// parser sees is exactly what the assertions talk about; line N of the plan is the N-th argument.
/// </summary>
internal static class PlanText
{
    public const string Tab = "\t";

    /// <summary>The annex header as published: 序号 重点任务 责任部门 时间进度.</summary>
    public static string Header { get; } = Row("序号", "重点任务", "责任部门", "时间进度");

    /// <summary>One table line: cells joined with tabs.</summary>
    public static string Row(params string[] cells) => string.Join(Tab, cells);

    /// <summary>A continuation line: empty number cell, then the given cells.</summary>
    public static string More(string text, string departments, string schedule) => Row("", text, departments, schedule);

    /// <summary>The plan text: lines joined with \n, line 1 first.</summary>
    public static string Plan(params string[] lines) => string.Join("\n", lines);

    public static ParsedTask Single(params string[] lines)
    {
        var tasks = PlanTableParser.Parse(Plan(lines));
        Assert.Single(tasks);
        return tasks[0];
    }

    /// <summary>Departments in order, as "name(L)" for a lead and "name(S)" for a support, space separated.</summary>
    public static string Roles(IEnumerable<TaskDepartment> departments) =>
        string.Join(" ", departments.Select(d => $"{d.Name}({(d.Role == DepartmentRole.Lead ? "L" : "S")})"));

    public static PlanFormatError ParseError(string text) =>
        Assert.Throws<PlanFormatException>(() => PlanTableParser.Parse(text)).Error;
}
