using ReformBot.Core.Departments;
using ReformBot.Core.Plans;

namespace ReformBot.Core.Storage;

/// <summary>The plan's tasks and the department directory.</summary>
public interface IPlanRepository
{
    /// <summary>Every task, in table order.</summary>
    IReadOnlyList<PlanTask> Tasks();

    PlanTask? FindTask(int number);

    /// <summary>
    /// The label a person means by the task number they typed (<c>3.2</c>, <c>３．２</c>, <c>第3.2项</c>, <c>（一）</c>): the one
    /// place typed task numbers are read. Null when it is no task number as this plan writes them (Chinese numerals only
    /// in a plan numbered so).
    /// </summary>
    string? ReadLabel(string typed);

    /// <summary>The task with the label a person typed (<see cref="ReadLabel"/>); null when there is none.</summary>
    PlanTask? FindByLabel(string typed);

    /// <summary>Every department, canonical names in the order they were added.</summary>
    IReadOnlyList<Department> Departments();

    /// <summary>Adds departments that are not there yet (by canonical name); returns how many were added.</summary>
    int AddDepartments(IEnumerable<Department> departments);

    /// <summary>Writes an import's changes in one transaction: all of them, or none.</summary>
    void Apply(PlanImport import);
}
