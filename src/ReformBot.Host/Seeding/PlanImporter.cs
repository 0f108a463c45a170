using ReformBot.Core.Departments;
using ReformBot.Core.Plans;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Seeding;

/// <summary>Parses a plan and writes what it changes, all at once or not at all.</summary>
public sealed class PlanImporter(IPlanRepository plans)
{
    /// <exception cref="PlanFormatException">The plan text is malformed; nothing was written.</exception>
    public PlanImport Import(string planText, bool dryRun) => Import(TabSeparatedText.Read(planText), dryRun);

    /// <exception cref="PlanFormatException">The plan document is malformed; nothing was written.</exception>
    public PlanImport Import(PlanDocument document, bool dryRun) => Preview(document, dryRun).Import;

    /// <summary>
    /// Reads the plan, matches its names against <paramref name="directory"/> — the plan's own directory — or, without
    /// one, against the departments stored, and writes the result unless <paramref name="dryRun"/>.
    /// With a directory of its own, only that directory's names and aliases match: a plan of another government
    /// is never matched onto this one's departments by an alias that happens to fit.
    /// </summary>
    /// <exception cref="PlanFormatException">The plan document is malformed; nothing was written.</exception>
    /// <exception cref="DepartmentNameClashException">A department of the directory takes a name a stored department has.</exception>
    public ImportPreview Preview(PlanDocument document, bool dryRun, IReadOnlyList<Department>? directory = null)
    {
        var parsed = PlanTableParser.Parse(document);
        var stored = plans.Departments();
        var import = PlanImport.Prepare(parsed, directory ?? stored, plans.Tasks());
        if (directory is not null)
        {
            var storedNames = stored.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            import = import with { DirectoryDepartments = directory.Where(d => !storedNames.Contains(d.Name)).ToList() };
            var all = new DepartmentDirectory(stored);
            foreach (var department in import.DirectoryDepartments.Concat(import.NewDepartments).Where(d => !storedNames.Contains(d.Name)))
            {
                if (all.FindClash(department) is { } clash) throw new DepartmentNameClashException(department.Name, clash.Name, clash.Owner.Name);
                all.Add(department);
            }
        }
        if (!dryRun && import.HasChanges) plans.Apply(import);
        return ImportPreview.Of(parsed, import);
    }
}

/// <summary>A department of a plan's own directory takes a name (<see cref="Name"/>) that a stored department (<see cref="Owner"/>) has.</summary>
public sealed class DepartmentNameClashException(string department, string name, string owner)
    : Exception($"Department '{department}': the name '{name}' already belongs to '{owner}'.")
{
    public string Department { get; } = department;
    public string Name { get; } = name;
    public string Owner { get; } = owner;
}
