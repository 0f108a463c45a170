using System.Text;

namespace ReformBot.Core.Departments;

/// <summary>
/// Finds a department by any of its names. Names are compared after removing whitespace and
/// folding full-width forms (（侨） = (侨)), so what a PDF or a user's keyboard does to a name
/// does not make it another department.
/// </summary>
public sealed class DepartmentDirectory
{
    private readonly List<Department> _departments = [];
    private readonly Dictionary<string, Department> _byName = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">Two departments claim the same name.</exception>
    public DepartmentDirectory(IEnumerable<Department> departments)
    {
        foreach (var department in departments) Add(department);
    }

    public IReadOnlyList<Department> All => _departments;

    public Department? Resolve(string name) => _byName.GetValueOrDefault(Key(name));

    /// <exception cref="ArgumentException">A name of the department already belongs to another.</exception>
    public void Add(Department department)
    {
        if (FindClash(department) is var (name, owner))
            throw new ArgumentException($"The name '{name}' of department '{department.Name}' already belongs to '{owner.Name}'.");
        foreach (var key in department.AllNames.Select(Key)) _byName[key] = department;
        _departments.Add(department);
    }

    /// <summary>The first name of <paramref name="department"/> that another department of the directory already has.</summary>
    public (string Name, Department Owner)? FindClash(Department department)
    {
        foreach (var key in department.AllNames.Select(Key).Distinct())
            if (_byName.TryGetValue(key, out var owner)) return (key, owner);
        return null;
    }

    public static string Key(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}
