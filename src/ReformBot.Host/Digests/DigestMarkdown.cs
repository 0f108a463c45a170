using System.Text;
using ReformBot.Core.Digests;
using ReformBot.Core.Reports;
using ReformBot.Host.Messages;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Digests;

/// <summary>
/// The digest as chat messages: Markdown that reads well in Web Chat and Teams and degrades to plain
/// text. A long digest is split into several messages at section boundaries, never mid-line.
/// </summary>
public sealed class DigestMarkdown(MessageCatalog messages)
{
    /// <summary>About what one chat message comfortably holds.</summary>
    public const int MaxMessageLength = 3500;

    private const int MaxDepartmentLines = 40;

    public IReadOnlyList<string> Render(Digest digest, TimeZoneInfo zone)
    {
        var m = messages;
        var t = digest.Totals;
        var s = t.Statuses;
        var sections = new List<IReadOnlyList<string>>
        {
            new[]
            {
                m.Format(DigestTitle, m.Format(FormatPeriod, digest.Period.Year, digest.Period.Number), m.Format(FormatDate, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(digest.Now, zone).DateTime))),
                m.Format(MessageKeys.DigestTotals, t.Expected, t.Submitted, t.Rate, s.Completed, s.OnTrack, s.Behind, s.NotStarted, s.NotSubmitted),
                m.Format(DigestLights, t.Lights.Red, t.Lights.Yellow, t.Lights.Green),
            },
            Section(DigestDepartmentsHeader, digest.Departments.Take(MaxDepartmentLines), d =>
                m.Format(DigestDepartmentLine, Light(d.Light), d.Department, d.Submitted, d.Expected, d.Rate)),
            Section(DigestBehindHeader, digest.Behind, r =>
                m.Format(DigestBehindLine, r.TaskNumber, r.Department, OneLine(r.Problems ?? ""))),
            Section(DigestNotReportedHeader, digest.NotReported, n =>
                m.Format(DigestNotReportedLine, n.Department, n.TaskNumbers.Count)),
            Section(DigestOverdueHeader, digest.OverdueAgainstPlan, r =>
                m.Format(DigestOverdueLine, r.TaskNumber, r.Department, r.Task.Schedule.Text)),
            Section(DigestChangesHeader, digest.Changes, c =>
                m.Format(DigestChangeLine, c.TaskNumber, c.Department, m[ReportStatusPrefix + c.After.Content.Status])),
        };
        return Split(sections);
    }

    private IReadOnlyList<string> Section<T>(string headerKey, IEnumerable<T> items, Func<T, string> line)
    {
        var lines = new List<string> { messages[headerKey] };
        lines.AddRange(items.Select(line));
        if (lines.Count == 1) lines.Add(messages[DigestNone]);
        return lines;
    }

    /// <summary>Packs sections into messages; a section too long for one message is split between lines.</summary>
    private static IReadOnlyList<string> Split(IEnumerable<IReadOnlyList<string>> sections)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        foreach (var section in sections)
        {
            var text = string.Join("\n", section);
            if (current.Length > 0 && current.Length + 2 + text.Length > MaxMessageLength)
            {
                result.Add(current.ToString());
                current.Clear();
            }
            foreach (var line in section)
            {
                if (current.Length > 0 && current.Length + 1 + line.Length > MaxMessageLength)
                {
                    result.Add(current.ToString());
                    current.Clear();
                }
                if (current.Length > 0) current.Append(line == section[0] ? "\n\n" : "\n");
                current.Append(line);
            }
        }
        if (current.Length > 0) result.Add(current.ToString());
        return result;
    }

    private string Light(TrafficLight light) => messages[DigestLightPrefix + light];

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
