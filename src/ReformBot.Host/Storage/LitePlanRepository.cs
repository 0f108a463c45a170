using ReformBot.Core.Departments;
using ReformBot.Core.Plans;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LitePlanRepository(LiteDbStore store) : IPlanRepository
{
    public IReadOnlyList<PlanTask> Tasks() =>
        store.Tasks.Query().OrderBy(t => t.Id).ToList().Select(t => t.ToTask()).ToList();

    public PlanTask? FindTask(int number) => store.Tasks.FindById(number)?.ToTask();

    public IReadOnlyList<Department> Departments() =>
        store.Departments.Query().OrderBy(d => d.Order).ToList().Select(d => d.ToDepartment()).ToList();

    public int AddDepartments(IEnumerable<Department> departments)
    {
        var added = store.InTransaction(() => Insert(departments));
        store.Checkpoint();
        return added;
    }

    public void Apply(PlanImport import)
    {
        store.InTransaction(() =>
        {
            Insert(import.DirectoryDepartments.Concat(import.NewDepartments));
            store.Tasks.Upsert(import.Added.Concat(import.Changed.Select(c => c.After)).Select(TaskDocument.From));
            foreach (var removed in import.Removed) store.Tasks.Delete(removed.Number);
            return 0;
        });
        store.Checkpoint();
    }

    private int Insert(IEnumerable<Department> departments)
    {
        var order = store.Departments.Count();
        var added = 0;
        foreach (var department in departments)
        {
            if (store.Departments.Exists(d => d.Id == department.Name)) continue;
            store.Departments.Insert(DepartmentDocument.From(department, order + added++));
        }
        return added;
    }
}
