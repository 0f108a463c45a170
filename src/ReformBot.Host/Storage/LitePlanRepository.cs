using System.Runtime.CompilerServices;
using ReformBot.Core.Departments;
using ReformBot.Core.Plans;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

/// <summary>
/// The plan and the department directory. They change only through this repository (an import, new
/// departments), so they are read from the file once and kept in memory until the next such write,
/// rather than read and mapped again at every turn.
/// </summary>
public sealed class LitePlanRepository(LiteDbStore store) : IPlanRepository
{
    // One cache per store, shared by every repository on it: a write through one is seen by all.
    private static readonly ConditionalWeakTable<LiteDbStore, PlanCache> Caches = new();

    private readonly PlanCache _cache = Caches.GetValue(store, _ => new PlanCache());

    public IReadOnlyList<PlanTask> Tasks() => Plan().Tasks;

    public PlanTask? FindTask(int number) => Plan().ByNumber.GetValueOrDefault(number);

    public string? ReadLabel(string typed) =>
        TaskNumbering.ReadTyped(typed) is { } reading && (!reading.Chinese || Plan().ChineseLabels) ? reading.Label : null;

    public PlanTask? FindByLabel(string typed) => ReadLabel(typed) is { } label ? Plan().ByLabel.GetValueOrDefault(label) : null;

    public IReadOnlyList<Department> Departments() => Plan().Departments;

    public int AddDepartments(IEnumerable<Department> departments)
    {
        try
        {
            var added = store.InTransaction(() => Insert(departments));
            store.FlushToDisk();
            return added;
        }
        finally
        {
            _cache.Invalidate();
        }
    }

    public void Apply(PlanImport import)
    {
        try
        {
            store.InTransaction(() =>
            {
                Insert(import.DirectoryDepartments.Concat(import.NewDepartments));
                store.Tasks.Upsert(import.Added.Concat(import.Changed.Select(c => c.After)).Select(TaskDocument.From));
                foreach (var removed in import.Removed) store.Tasks.Delete(removed.Number);
                return 0;
            });
            store.FlushToDisk();
        }
        finally
        {
            _cache.Invalidate();
        }
    }

    private PlanSnapshot Plan() => _cache.Get(() =>
    {
        var tasks = store.Tasks.Query().OrderBy(t => t.Id).ToList().Select(t => t.ToTask()).ToList();
        var departments = store.Departments.Query().OrderBy(d => d.Order).ToList().Select(d => d.ToDepartment()).ToList();
        // Labels are stored as read (3.2, 80, 一), so a typed one read the same way finds its task.
        var byLabel = new Dictionary<string, PlanTask>(StringComparer.Ordinal);
        foreach (var task in tasks) byLabel.TryAdd(TaskNumbering.LabelTyped(task.Label) ?? task.Label, task);
        return new PlanSnapshot(tasks, tasks.ToDictionary(t => t.Number), byLabel, byLabel.Keys.Any(l => TaskNumbering.ReadCell(l)?.Chinese == true), departments);
    });

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

    private sealed record PlanSnapshot(
        IReadOnlyList<PlanTask> Tasks, IReadOnlyDictionary<int, PlanTask> ByNumber, IReadOnlyDictionary<string, PlanTask> ByLabel,
        bool ChineseLabels, IReadOnlyList<Department> Departments);

    private sealed class PlanCache
    {
        private readonly Lock _gate = new();
        private PlanSnapshot? _snapshot;
        private int _version;

        public PlanSnapshot Get(Func<PlanSnapshot> load)
        {
            if (Volatile.Read(ref _snapshot) is { } cached) return cached;
            int version;
            lock (_gate) version = _version;
            var loaded = load();
            // A write that finished while this read ran may not be in it: keep it only if none did.
            lock (_gate)
                if (_version == version) _snapshot = loaded;
            return loaded;
        }

        public void Invalidate()
        {
            lock (_gate)
            {
                _version++;
                _snapshot = null;
            }
        }
    }
}
