using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReformBot.Core.Contacts;
using ReformBot.Core.Departments;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Host.Cli;

/// <summary>
/// The JSON shapes printed by `tasks --json`, `task --json`, `departments --json`, `invite --json`,
/// `admin-invite --json`, `contacts --json` and `reports --json`. Other tools
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
        task.Label,
        task.Section,
        task.Text,
        task.Departments.Select(d => new TaskDepartmentJson(d.Name, d.Role == DepartmentRole.Lead ? "lead" : "support")).ToList(),
        new ScheduleJson(
            task.Schedule.IsEmpty ? null : task.Schedule.Text,
            task.Schedule.StartYear, task.Schedule.DueYear, task.Schedule.DoneYear, task.Schedule.Ongoing,
            task.Schedule.DueBy, task.Schedule.EveryYear));

    public static DepartmentJson Department(Department department, IReadOnlyList<PlanTask> tasks) => new(
        department.Name,
        department.FullName,
        department.Aliases,
        NumbersWhere(tasks, department.Name, DepartmentRole.Lead),
        NumbersWhere(tasks, department.Name, DepartmentRole.Support));

    /// <summary>The code as people type it (grouped); department null for an office invite.</summary>
    public static InviteJson Invite(Invite invite) => new(InviteCode.Display(invite.Code), invite.Department, invite.ExpiresAt);

    public static ContactJson Contact(Contact c) =>
        new(c.Id, c.Name, c.Departments, c.IsOffice, c.Address.ChannelId, c.RegisteredAt, c.Unreachable);

    /// <param name="submitterName">The submitting contact's name; null when no such contact is stored.</param>
    /// <param name="label">The task's number as people use it (3.2).</param>
    public static ReportJson Report(ReportRevision r, string? submitterName, string label) => new(
        r.Key.TaskNumber, label, r.Key.Department, r.Key.Period.ToString(), r.Revision,
        JsonNamingPolicy.CamelCase.ConvertName(r.Content.Status.ToString()),
        r.Content.Progress, r.Content.Problems, r.Content.NextSteps, r.Content.Percent, r.Content.Evidence,
        new SubmitterJson(r.SubmittedBy, submitterName), r.SubmittedAt, r.Late);

    /// <summary>An import preview as data: every task as it will be stored with its warnings, the name mappings and what changes.</summary>
    public static ImportPreviewJson Preview(ImportPreview preview, bool dryRun)
    {
        var import = preview.Import;
        return new ImportPreviewJson(
            dryRun,
            preview.Tasks.Select(t => new PreviewTaskJson(Task(t.Task), t.Section, t.Warnings.Select(w => new PlanWarningJson(JsonNamingPolicy.CamelCase.ConvertName(w.Kind.ToString()), w.Detail)).ToList(), t.WrittenNumber)).ToList(),
            import.Mappings.Select(m => new DepartmentMappingJson(m.Written, m.Department.Name, m.Department.FullName)).ToList(),
            import.NewDepartments.Select(d => d.Name).ToList(),
            import.DirectoryDepartments.Select(d => d.Name).ToList(),
            import.Added.Select(t => t.Number).ToList(),
            import.Changed.Select(c => c.After.Number).ToList(),
            import.Removed.Select(t => t.Number).ToList());
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static List<int> NumbersWhere(IReadOnlyList<PlanTask> tasks, string department, DepartmentRole role) =>
        tasks.Where(t => t.Departments.Contains(new TaskDepartment(department, role))).Select(t => t.Number).ToList();
}

/// <param name="Number">The task's key, 1..n in table order, as reports name it.</param>
/// <param name="Label">The number people use for the task, as the table writes it (3.2, 80).</param>
/// <param name="Section">The category heading the task stands under, or null.</param>
public sealed record TaskJson(int Number, string Label, string? Section, string Text, IReadOnlyList<TaskDepartmentJson> Departments, ScheduleJson Schedule);

public sealed record TaskDepartmentJson(string Name, string Role);

/// <param name="DryRun">True when nothing was written.</param>
public sealed record ImportPreviewJson(
    bool DryRun, IReadOnlyList<PreviewTaskJson> Tasks, IReadOnlyList<DepartmentMappingJson> Mappings,
    IReadOnlyList<string> NewDepartments, IReadOnlyList<string> DirectoryDepartments,
    IReadOnlyList<int> Added, IReadOnlyList<int> Changed, IReadOnlyList<int> Removed);

/// <param name="Section">The category heading above the task, or null.</param>
/// <param name="WrittenNumber">The number the table writes when its numbering restarts per section, or null.</param>
public sealed record PreviewTaskJson(TaskJson Task, string? Section, IReadOnlyList<PlanWarningJson> Warnings, string? WrittenNumber);

/// <param name="Kind">scheduleNotUnderstood, genericUnit, sentenceLikeDepartment or personLikeDepartment.</param>
public sealed record PlanWarningJson(string Kind, string Detail);

/// <param name="Written">The name as the table writes it.</param>
public sealed record DepartmentMappingJson(string Written, string Department, string? FullName);

/// <param name="DueBy">The last day the task is due on: the end of the due month, quarter or year the cell names.</param>
public sealed record ScheduleJson(string? Text, int? StartYear, int? DueYear, int? DoneYear, bool Ongoing, DateOnly? DueBy, bool EveryYear);

public sealed record DepartmentJson(string Name, string? FullName, IReadOnlyList<string> Aliases, IReadOnlyList<int> Lead, IReadOnlyList<int> Support);

public sealed record InviteJson(string Code, string? Department, DateTimeOffset ExpiresAt);

public sealed record ContactJson(
    string Id, string Name, IReadOnlyList<string> Departments, bool IsOffice, string ChannelId, DateTimeOffset RegisteredAt, bool Unreachable);

/// <param name="Status">completed, onTrack, behind or notStarted.</param>
/// <param name="Label">The task's number as people use it (3.2).</param>
public sealed record ReportJson(
    int Task, string Label, string Department, string Period, int Revision, string Status, string Progress, string Problems, string NextSteps,
    int? Percent, IReadOnlyList<string> Evidence, SubmitterJson SubmittedBy, DateTimeOffset SubmittedAt, bool Late);

public sealed record SubmitterJson(string Id, string? Name);
