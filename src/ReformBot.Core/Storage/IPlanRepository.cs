using ReformBot.Core.Departments;
using ReformBot.Core.Plans;

namespace ReformBot.Core.Storage;

/// <summary>The plan's tasks and the department directory.</summary>
public interface IPlanRepository
{
    /// <summary>Every task, in table order.</summary>
    IReadOnlyList<PlanTask> Tasks();

    PlanTask? FindTask(int number);

    /// <summary>Every department, canonical names in the order they were added.</summary>
    IReadOnlyList<Department> Departments();

    /// <summary>Adds departments that are not there yet (by canonical name); returns how many were added.</summary>
    int AddDepartments(IEnumerable<Department> departments);

    /// <summary>Writes an import's changes in one transaction: all of them, or none.</summary>
    void Apply(PlanImport import);
}
