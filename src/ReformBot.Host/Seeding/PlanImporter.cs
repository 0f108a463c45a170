using ReformBot.Core.Plans;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Seeding;

/// <summary>Parses a plan and writes what it changes, all at once or not at all.</summary>
public sealed class PlanImporter(IPlanRepository plans)
{
    /// <exception cref="PlanFormatException">The plan text is malformed; nothing was written.</exception>
    public PlanImport Import(string planText, bool dryRun) => Import(TabSeparatedText.Read(planText), dryRun);

    /// <exception cref="PlanFormatException">The plan document is malformed; nothing was written.</exception>
    public PlanImport Import(PlanDocument document, bool dryRun)
    {
        var parsed = PlanTableParser.Parse(document);
        var import = PlanImport.Prepare(parsed, plans.Departments(), plans.Tasks());
        if (!dryRun && import.HasChanges) plans.Apply(import);
        return import;
    }
}
