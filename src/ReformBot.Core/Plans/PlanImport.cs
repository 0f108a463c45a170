using ReformBot.Core.Departments;

namespace ReformBot.Core.Plans;

/// <summary>
/// What importing a parsed plan changes in the store: tasks added, changed and removed, and
/// departments the directory does not know yet. Importing the same plan again yields no change.
/// Reports and contacts are not part of a plan and are never touched by an import.
/// </summary>
public sealed record PlanImport(
    IReadOnlyList<PlanTask> Tasks,
    IReadOnlyList<PlanTask> Added,
    IReadOnlyList<(PlanTask Before, PlanTask After)> Changed,
    IReadOnlyList<PlanTask> Removed,
    IReadOnlyList<Department> NewDepartments)
{
    public bool HasChanges =>
        Added.Count > 0 || Changed.Count > 0 || Removed.Count > 0 || NewDepartments.Count > 0 || DirectoryDepartments.Count > 0;

    /// <summary>Every name the table writes differently from the department it was matched to (发展改革委 → 发改委), once.</summary>
    public IReadOnlyList<DepartmentMapping> Mappings { get; init; } = [];

    /// <summary>
    /// Departments of the plan's own directory (<c>import --directory</c>) that the store does not hold yet; they are
    /// stored with the plan.
    /// </summary>
    public IReadOnlyList<Department> DirectoryDepartments { get; init; } = [];

    public int UnchangedCount => Tasks.Count - Added.Count - Changed.Count;

    /// <summary>How many tasks the plan holds before the import.</summary>
    public int CurrentCount => Tasks.Count - Added.Count + Removed.Count;

    /// <summary>
    /// The import removes more than half of the current tasks: most likely a part of the plan or another plan, which
    /// the office should notice before confirming.
    /// </summary>
    public bool RemovesMostTasks => Removed.Count * 2 > CurrentCount;

    /// <summary>Resolves the parsed rows' department names and compares them with the current tasks.</summary>
    public static PlanImport Prepare(
        IReadOnlyList<ParsedTask> parsed, IEnumerable<Department> knownDepartments, IReadOnlyList<PlanTask> currentTasks)
    {
        var directory = new DepartmentDirectory(knownDepartments);
        var newDepartments = new List<Department>();
        var mappings = new List<DepartmentMapping>();
        var tasks = parsed.Select(row => new PlanTask(row.Number, row.Text, Resolve(row.Departments), row.Schedule) { Label = row.Label, Section = row.Section }).ToList();

        var current = currentTasks.ToDictionary(t => t.Number);
        var added = new List<PlanTask>();
        var changed = new List<(PlanTask, PlanTask)>();
        foreach (var task in tasks)
        {
            if (!current.TryGetValue(task.Number, out var before)) added.Add(task);
            else if (!before.SameAs(task)) changed.Add((before, task));
        }
        var numbers = tasks.Select(t => t.Number).ToHashSet();
        var removed = currentTasks.Where(t => !numbers.Contains(t.Number)).ToList();
        return new PlanImport(tasks, added, changed, removed, newDepartments) { Mappings = mappings };

        IReadOnlyList<TaskDepartment> Resolve(IReadOnlyList<TaskDepartment> listed)
        {
            var result = new List<TaskDepartment>(listed.Count);
            foreach (var (name, role) in listed)
            {
                var department = directory.Resolve(name);
                if (department is null)
                {
                    department = new Department(name, null, []);
                    directory.Add(department);
                    newDepartments.Add(department);
                }
                // Not a mapping: the same name with other spaces or full-width forms.
                var written = TextCleanup.RemoveAllWhitespace(name);
                if (DepartmentDirectory.Key(written) != DepartmentDirectory.Key(department.Name) && !mappings.Exists(m => m.Written == written))
                    mappings.Add(new DepartmentMapping(written, department));
                // One department listed twice under two names is listed once, as lead if either says so.
                var existing = result.FindIndex(d => d.Name == department.Name);
                if (existing < 0) result.Add(new TaskDepartment(department.Name, role));
                else if (role == DepartmentRole.Lead) result[existing] = result[existing] with { Role = DepartmentRole.Lead };
            }
            return result;
        }
    }
}

/// <summary>A name as the table writes it and the department it was matched to.</summary>
public sealed record DepartmentMapping(string Written, Department Department);
