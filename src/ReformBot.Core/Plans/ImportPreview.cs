using ReformBot.Core.Departments;

namespace ReformBot.Core.Plans;

/// <summary>
/// What an import will store, task by task, with what may be wrong — for the office to check before anything is
/// written (<c>import --dry-run</c>; the chat shows the same before 确认). Built from the parsed rows and the import
/// they make; it changes nothing.
/// </summary>
public sealed record ImportPreview(PlanImport Import, IReadOnlyList<PreviewTask> Tasks)
{
    public int WarningCount => Tasks.Sum(t => t.Warnings.Count);

    public static ImportPreview Of(IReadOnlyList<ParsedTask> parsed, PlanImport import)
    {
        var newNames = import.NewDepartments.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var byNumber = parsed.ToDictionary(p => p.Number);
        var tasks = import.Tasks.Select(task =>
        {
            var row = byNumber.GetValueOrDefault(task.Number);
            var warnings = new List<PlanWarning>(row?.Warnings ?? []);
            foreach (var department in task.Departments)
            {
                // A department of the directory is one the office declared, whatever its name looks like.
                var isNew = newNames.Contains(department.Name);
                if (isNew && DepartmentNameCheck.LooksLikeSentence(department.Name))
                    warnings.Add(new PlanWarning(PlanWarningKind.SentenceLikeDepartment, department.Name));
                else if (GenericUnits.IsGeneric(department.Name))
                    warnings.Add(new PlanWarning(PlanWarningKind.GenericUnit, department.Name));
                else if (isNew && DepartmentNameCheck.LooksLikePerson(department.Name))
                    warnings.Add(new PlanWarning(PlanWarningKind.PersonLikeDepartment, department.Name));
            }
            return new PreviewTask(task, row?.Section, warnings) { WrittenNumber = row?.WrittenNumber };
        }).ToList();
        return new ImportPreview(import, tasks);
    }
}

/// <summary>A task as it will be stored, the category heading above it, and the warnings about it.</summary>
public sealed record PreviewTask(PlanTask Task, string? Section, IReadOnlyList<PlanWarning> Warnings)
{
    /// <summary>The number the table writes, when its numbering restarts per section and so differs from the task's.</summary>
    public string? WrittenNumber { get; init; }
}
