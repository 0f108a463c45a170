using System.Text.Json;
using ReformBot.Core.Digests;
using ReformBot.Core.Reports;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Digests;

/// <summary>
/// The digest as JSON (`digest --format json`): the README's "Digest JSON" contract. Tools build on
/// it: change it only together with the README. Statuses, lights and change kinds are camelCase words;
/// instants are local time of the reporting zone with its offset.
/// </summary>
public static class DigestJson
{
    public static DigestDocument From(Digest digest, TextFormat format)
    {
        var t = digest.Totals;
        return new DigestDocument(
            digest.Period.ToString(),
            digest.Filter.Department,
            format.Local(digest.Now),
            digest.Since is { } since ? format.Local(since) : null,
            new WindowJson(format.Local(digest.Window.Opens), digest.Window.DueDate, format.Local(digest.Window.Deadline)),
            new TotalsJson(t.Expected, t.Submitted, t.NotSubmitted, t.Rate, Statuses(t.Statuses), Lights(t.ReportingLights), Lights(t.ProgressLights),
                t.Copied, t.OverdueAgainstPlan),
            digest.Departments.Select(d => new DigestDepartmentJson(
                d.Department, Word(d.ReportingLight), Word(d.ProgressLight), d.Expected, d.Submitted, d.NotSubmitted, d.Rate, Statuses(d.Statuses),
                Lights(d.ReportingLights), Lights(d.ProgressLights), d.Copied, d.OverdueAgainstPlan)).ToList(),
            digest.Tasks.Select(r => new DigestTaskJson(
                r.TaskNumber, r.Department, Status(r.Status), r.Latest?.Content.Percent, Word(r.ReportingLight), Word(r.ProgressLight),
                r.OverdueAgainstPlan, r.CopiedFromPrevious,
                r.Latest?.Revision, r.Latest is { } latest ? format.Local(latest.SubmittedAt) : null, r.Latest?.Late,
                r.Returned is { } returned ? new ReturnedJson(returned.Reason, returned.Revision, format.Local(returned.ReturnedAt)) : null,
                r.Notes.Select(n => new NoteJson(n.Department, n.Text, format.Local(n.SubmittedAt))).ToList())).ToList(),
            digest.Behind.Select(r => new BehindJson(r.TaskNumber, r.Department, r.Problems ?? "", r.Latest!.Revision)).ToList(),
            digest.NotReported.Select(n => new NotReportedJson(n.Department, n.TaskNumbers, n.NothingReported)).ToList(),
            digest.OverdueAgainstPlan.Select(r => new OverdueJson(
                r.TaskNumber, r.Department, r.Task.Schedule.IsEmpty ? null : r.Task.Schedule.Text, r.Task.Schedule.DueYear, r.Task.Schedule.DueBy, Status(r.Status))).ToList(),
            digest.Changes.Select(c => new ChangeJson(
                c.TaskNumber, c.Department, Word(c.Kind), Status(c.Before?.Content.Status), Status(c.After.Content.Status)!, c.After.Revision,
                format.Local(c.After.SubmittedAt))).ToList());
    }

    private static StatusesJson Statuses(StatusBreakdown s) => new(s.Completed, s.OnTrack, s.Behind, s.NotStarted, s.NotSubmitted);

    private static LightsJson Lights(LightCounts l) => new(l.Red, l.Yellow, l.Green);

    private static string? Status(ReportStatus? status) => status is { } s ? Word(s) : null;

    private static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

/// <param name="Department">The department the digest is limited to; null for the whole plan.</param>
/// <param name="GeneratedAt">The instant the digest describes.</param>
/// <param name="Since">"What changed" lists revisions submitted after this; null lists every report of the period.</param>
public sealed record DigestDocument(
    string Period, string? Department, DateTimeOffset GeneratedAt, DateTimeOffset? Since, WindowJson Window, TotalsJson Totals,
    IReadOnlyList<DigestDepartmentJson> Departments, IReadOnlyList<DigestTaskJson> Tasks, IReadOnlyList<BehindJson> Behind,
    IReadOnlyList<NotReportedJson> NotReported, IReadOnlyList<OverdueJson> OverdueAgainstPlan, IReadOnlyList<ChangeJson> Changes);

public sealed record WindowJson(DateTimeOffset Opens, DateOnly DueDate, DateTimeOffset Deadline);

/// <param name="Rate">Submitted / expected, 0..1; 1 when nothing is expected.</param>
/// <param name="ReportingLights">How many reports have each reporting light (报送灯).</param>
/// <param name="ProgressLights">How many reports have each progress light (进展灯).</param>
public sealed record TotalsJson(
    int Expected, int Submitted, int NotSubmitted, double Rate, StatusesJson Statuses, LightsJson ReportingLights, LightsJson ProgressLights,
    int Copied, int OverdueAgainstPlan);

public sealed record StatusesJson(int Completed, int OnTrack, int Behind, int NotStarted, int NotSubmitted);

public sealed record LightsJson(int Red, int Yellow, int Green);

/// <param name="ReportingLight">The worst reporting light of its reports: red, yellow or green.</param>
/// <param name="ProgressLight">The worst progress light of its reports.</param>
public sealed record DigestDepartmentJson(
    string Name, string ReportingLight, string ProgressLight, int Expected, int Submitted, int NotSubmitted, double Rate, StatusesJson Statuses,
    LightsJson ReportingLights, LightsJson ProgressLights, int Copied, int OverdueAgainstPlan);

/// <param name="Status">The latest status of the period; null when not submitted (so are percent, revision, submittedAt, late) or sent back.</param>
/// <param name="Returned">The office sent the latest revision back (退回); null otherwise. Percent, revision, submittedAt and late are then the returned revision's.</param>
/// <param name="Notes">The supporting departments' notes on the task this period, the latest of each, oldest first; empty when none.</param>
public sealed record DigestTaskJson(
    int Task, string Department, string? Status, int? Percent, string ReportingLight, string ProgressLight, bool OverdueAgainstPlan, bool Copied,
    int? Revision, DateTimeOffset? SubmittedAt, bool? Late, ReturnedJson? Returned, IReadOnlyList<NoteJson> Notes);

/// <summary>A supporting department's note (配合说明), exactly as typed.</summary>
public sealed record NoteJson(string Department, string Text, DateTimeOffset SubmittedAt);

/// <param name="Revision">The revision sent back.</param>
public sealed record ReturnedJson(string Reason, int Revision, DateTimeOffset ReturnedAt);

public sealed record BehindJson(int Task, string Department, string Problems, int Revision);

public sealed record NotReportedJson(string Department, IReadOnlyList<int> Tasks, bool NothingReported);

public sealed record OverdueJson(int Task, string Department, string? Schedule, int? DueYear, DateOnly? DueBy, string? Status);

/// <param name="Kind">new, statusChanged or edited.</param>
/// <param name="Before">The status at the last digest; null for a new report.</param>
public sealed record ChangeJson(int Task, string Department, string Kind, string? Before, string After, int Revision, DateTimeOffset SubmittedAt);
