using Microsoft.Extensions.Logging;
using ReformBot.Core.Storage;
using ReformBot.Host.Configuration;

namespace ReformBot.Host.Seeding;

/// <summary>Loads the curated departments and (unless told not to) the shipped plan into a database that has no tasks yet.</summary>
public static class StoreSeeder
{
    public static void SeedIfEmpty(IPlanRepository plans, ReformBotOptions options, ILogger logger, bool includePlan = true, bool includeDepartments = true)
    {
        if (plans.Tasks().Count > 0 || !includeDepartments) return;

        var departments = DepartmentSeedFile.Load(options.ResolveSeed(options.SeedDepartments));
        plans.AddDepartments(departments);
        if (!includePlan) return;
        var import = new PlanImporter(plans).Import(File.ReadAllText(options.ResolveSeed(options.SeedPlan)), dryRun: false);
        logger.LogInformation("Seeded {TaskCount} tasks and {DepartmentCount} departments from {SeedPlan}",
            import.Tasks.Count, departments.Count + import.NewDepartments.Count, options.SeedPlan);
    }
}
