using ReformBot.Core.Plans;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Reads a plan file into a <see cref="PlanDocument"/>, recognising the format by the file's content
/// rather than its name, since offices rename and re-save files freely.
/// </summary>
public static class PlanFileReader
{
    /// <exception cref="PlanFileException">The file is no plan document we can read.</exception>
    public static PlanDocument Read(byte[] bytes)
    {
        if (bytes.Length == 0) throw new PlanFileException(PlanFileErrorKind.Empty);
        var (text, encoding) = PlanTextDecoding.Decode(bytes);
        return TabSeparatedText.Read(text, encoding);
    }
}
