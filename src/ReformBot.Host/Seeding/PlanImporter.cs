using ReformBot.Core.Plans;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Seeding;

/// <summary>Parses a plan text and writes what it changes, all at once or not at all.</summary>
public sealed class PlanImporter(IPlanRepository plans)
{
    /// <exception cref="PlanFormatException">The plan text is malformed; nothing was written.</exception>
    public PlanImport Import(string planText, bool dryRun)
    {
        var parsed = PlanTableParser.Parse(planText);
        var import = PlanImport.Prepare(parsed, plans.Departments(), plans.Tasks());
        if (!dryRun && import.HasChanges) plans.Apply(import);
        return import;
    }
}
