namespace ReformBot.Core.Plans;

/// <summary>One key task of a plan's task-division table (重点任务分工及进度安排表).</summary>
/// <param name="Number">The task's key: 1..n in table order, what reports, drafts and the ledger store.</param>
/// <param name="Text">The task's whole text, rows continued across page breaks joined.</param>
/// <param name="Departments">Responsible departments in the table's order, by canonical name.</param>
/// <param name="Schedule">The schedule cell (时间进度).</param>
public sealed record PlanTask(int Number, string Text, IReadOnlyList<TaskDepartment> Departments, Schedule Schedule)
{
    /// <summary>
    /// The number people use for the task, as the table writes it without decoration (3.2, 80, 一 for （一）); unique in a
    /// plan. It is <see cref="Number"/>'s digits unless the table numbers otherwise.
    /// </summary>
    public string Label { get; init; } = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The category heading the task stands under (一、推动芯片全链发展), if the plan has them.</summary>
    public string? Section { get; init; }

    public IEnumerable<string> LeadDepartments =>
        Departments.Where(d => d.Role == DepartmentRole.Lead).Select(d => d.Name);

    public IEnumerable<string> SupportDepartments =>
        Departments.Where(d => d.Role == DepartmentRole.Support).Select(d => d.Name);

    /// <summary>Value equality that compares the department list element by element.</summary>
    public bool SameAs(PlanTask other) =>
        Number == other.Number && Label == other.Label && Section == other.Section && Text == other.Text &&
        Schedule == other.Schedule && Departments.SequenceEqual(other.Departments);
}

/// <summary>A department's part in a task.</summary>
public sealed record TaskDepartment(string Name, DepartmentRole Role);

public enum DepartmentRole
{
    /// <summary>牵头: reports on the task.</summary>
    Lead,
    /// <summary>配合: supports the lead and sees the task.</summary>
    Support,
}
