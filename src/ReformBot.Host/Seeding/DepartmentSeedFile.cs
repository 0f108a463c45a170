using ReformBot.Core.Departments;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ReformBot.Host.Seeding;

/// <summary>
/// The curated department directory (seeds/departments.yaml): canonical short name, full official
/// name where known, and the other names the plan or users may use.
/// </summary>
public static class DepartmentSeedFile
{
    /// <exception cref="InvalidDataException">The file is not a list of departments, or two claim one name.</exception>
    public static IReadOnlyList<Department> Load(string path)
    {
        List<Entry>? entries;
        try
        {
            entries = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<List<Entry>>(File.ReadAllText(path));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: {e.Message}", e);
        }

        var departments = new List<Department>();
        foreach (var entry in entries ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry.Name))
                throw new InvalidDataException($"{path}: a department without a name.");
            departments.Add(new Department(entry.Name.Trim(), entry.FullName?.Trim(), (entry.Aliases ?? []).Select(a => a.Trim()).ToList()));
        }
        try
        {
            _ = new DepartmentDirectory(departments);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        return departments;
    }

    private sealed class Entry
    {
        public string? Name { get; set; }
        public string? FullName { get; set; }
        public List<string>? Aliases { get; set; }
    }
}
