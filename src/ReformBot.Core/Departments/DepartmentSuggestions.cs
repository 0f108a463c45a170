namespace ReformBot.Core.Departments;

/// <summary>Departments whose names come close to a name the directory does not know: “did you mean …”.</summary>
public static class DepartmentSuggestions
{
    /// <summary>
    /// Up to <paramref name="max"/> departments, closest first: those with a name containing the typed
    /// text or contained in it (科技 → 科技厅), then those a typo or two away (科枝厅 → 科技厅).
    /// </summary>
    public static IReadOnlyList<Department> Suggest(this DepartmentDirectory directory, string typed, int max = 3)
    {
        var key = DepartmentDirectory.Key(typed);
        if (key.Length == 0) return [];
        var allowed = Math.Max(1, key.Length / 3);
        return directory.All
            .Select((department, order) => (department, order, score: department.AllNames.Select(n => Score(key, DepartmentDirectory.Key(n), allowed)).Min()))
            .Where(x => x.score < int.MaxValue)
            .OrderBy(x => x.score).ThenBy(x => x.order)
            .Take(max)
            .Select(x => x.department)
            .ToList();
    }

    // Lower is closer; int.MaxValue is not close at all.
    private static int Score(string typed, string name, int allowed)
    {
        var (shorter, longer) = typed.Length <= name.Length ? (typed, name) : (name, typed);
        if (shorter.Length >= 2 && longer.Contains(shorter, StringComparison.Ordinal)) return longer.Length - shorter.Length;
        var distance = Distance(typed, name);
        // A typo ranks after containments of a similar length difference.
        return distance <= allowed ? 100 + distance : int.MaxValue;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
