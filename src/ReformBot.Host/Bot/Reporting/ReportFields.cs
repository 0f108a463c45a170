using System.Collections.Frozen;
using System.Globalization;
using ReformBot.Core.Reports;

namespace ReformBot.Host.Bot.Reporting;

/// <summary>
/// The answers the reporting dialogs save, by their save names in dialogs/*.dialog.yaml, and the one
/// mapping between the report dialog's answers and <see cref="ReportContent"/>.
/// </summary>
public static class ReportFields
{
    public const string Status = "status";
    public const string Progress = "progress";
    public const string Problems = "problems";
    public const string NextSteps = "nextSteps";
    public const string Percent = "percent";
    public const string Evidence = "evidence";

    /// <summary>The note dialog's one answer: a supporting department's note.</summary>
    public const string Note = "note";

    /// <summary>Every answer of the report dialog: exactly what its steps save.</summary>
    public static readonly IReadOnlySet<string> ReportAnswers =
        FrozenSet.Create(StringComparer.Ordinal, Status, Progress, Problems, NextSteps, Percent, Evidence);

    /// <summary>The values the status choices save: the names of <see cref="ReportStatus"/>.</summary>
    public static readonly IReadOnlySet<string> StatusValues = Enum.GetNames<ReportStatus>().ToFrozenSet(StringComparer.Ordinal);

    // The dialog engine keeps a links answer as one link a line.
    private const char EvidenceSeparator = '\n';

    /// <summary>A confirmed report dialog's answers as a report's content.</summary>
    public static ReportContent ToContent(IReadOnlyDictionary<string, string> values) => new(
        Enum.Parse<ReportStatus>(values[Status]),
        values[Progress],
        values[Problems],
        values[NextSteps],
        // Optional steps: empty when the user answered 无.
        values.GetValueOrDefault(Percent) is { Length: > 0 } percent ? int.Parse(percent, CultureInfo.InvariantCulture) : null,
        values.GetValueOrDefault(Evidence) is { Length: > 0 } evidence ? evidence.Split(EvidenceSeparator) : []);

    /// <summary>A report's content as the report dialog's answers, to edit it.</summary>
    public static Dictionary<string, string> ToValues(ReportContent content) => new()
    {
        [Status] = content.Status.ToString(),
        [Progress] = content.Progress,
        [Problems] = content.Problems,
        [NextSteps] = content.NextSteps,
        [Percent] = content.Percent?.ToString(CultureInfo.InvariantCulture) ?? "",
        [Evidence] = string.Join(EvidenceSeparator, content.Evidence),
    };
}
