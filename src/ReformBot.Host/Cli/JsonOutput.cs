using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReformBot.Core.Departments;
using ReformBot.Core.Plans;

namespace ReformBot.Host.Cli;

/// <summary>
/// The JSON shapes printed by `tasks --json`, `task --json` and `departments --json`. Other tools
/// depend on them: change them only together with the README's data contract.
/// </summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Chinese stays readable instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static TaskJson Task(PlanTask task) => new(
        task.Number,
        task.Text,
        task.Departments.Select(d => new TaskDepartmentJson(d.Name, d.Role == DepartmentRole.Lead ? "lead" : "support")).ToList(),
        new ScheduleJson(
            task.Schedule.IsEmpty ? null : task.Schedule.Text,
            task.Schedule.StartYear, task.Schedule.DueYear, task.Schedule.DoneYear, task.Schedule.Ongoing));

    public static DepartmentJson Department(Department department, IReadOnlyList<PlanTask> tasks) => new(
        department.Name,
        department.FullName,
        department.Aliases,
        NumbersWhere(tasks, department.Name, DepartmentRole.Lead),
        NumbersWhere(tasks, department.Name, DepartmentRole.Support));

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static List<int> NumbersWhere(IReadOnlyList<PlanTask> tasks, string department, DepartmentRole role) =>
        tasks.Where(t => t.Departments.Contains(new TaskDepartment(department, role))).Select(t => t.Number).ToList();
}

public sealed record TaskJson(int Number, string Text, IReadOnlyList<TaskDepartmentJson> Departments, ScheduleJson Schedule);

public sealed record TaskDepartmentJson(string Name, string Role);

public sealed record ScheduleJson(string? Text, int? StartYear, int? DueYear, int? DoneYear, bool Ongoing);

public sealed record DepartmentJson(string Name, string? FullName, IReadOnlyList<string> Aliases, IReadOnlyList<int> Lead, IReadOnlyList<int> Support);
