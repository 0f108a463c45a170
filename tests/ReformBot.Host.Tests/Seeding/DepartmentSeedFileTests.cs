using ReformBot.Host.Seeding;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Seeding;

public sealed class DepartmentSeedFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_curated_directory_covers_every_department_of_the_shipped_plan()
    {
        var departments = DepartmentSeedFile.Load(Path.Combine(AppContext.BaseDirectory, "seeds", "departments.yaml"));
        var parsed = ReformBot.Core.Plans.PlanTableParser.Parse(TestFiles.ShippedPlan);

        var import = ReformBot.Core.Plans.PlanImport.Prepare(parsed, departments, []);

        Assert.Empty(import.NewDepartments);
        Assert.Equal("科技厅", departments.Single(d => d.Aliases.Contains("科学技术厅")).Name);
    }

    [Fact]
    public void Two_departments_claiming_one_name_are_refused_naming_the_file()
    {
        var path = _dir.File("departments.yaml");
        File.WriteAllText(path, "- name: 科技厅\n  aliases: [科委]\n- name: 科委\n");

        var error = Assert.Throws<InvalidDataException>(() => DepartmentSeedFile.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("科委", error.Message);
    }
}
