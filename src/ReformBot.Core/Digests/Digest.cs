using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Digests;

/// <summary>
/// The digest of one period: submitted/expected overall and per department, statuses, lights, the
/// lists the office acts on, and what changed since the last digest. Computed by <see cref="DigestCalculator"/>.
/// Expected reports are the (task, lead department) pairs of the tasks; a report of any other pair
/// (a supporting department, a task no longer in the plan) is not counted.
/// </summary>
/// <param name="Window">The period's reporting window (opens, due date, deadline).</param>
/// <param name="Departments">One row per lead department, worst first (see <see cref="DigestDepartmentRow.WorstFirst"/>).</param>
/// <param name="Tasks">One row per (task, lead department), by task number then the task's department order; only rows with a red light with <see cref="DigestFilter.OverdueOnly"/>.</param>
/// <param name="Behind">Rows whose latest report of the period says 滞后, with their problems (存在问题), in task order.</param>
/// <param name="NotReported">Departments missing at least one report of the period, by name (ordinal).</param>
/// <param name="OverdueAgainstPlan">Rows whose task is overdue against the plan, in task order.</param>
/// <param name="Changes">Reports whose answer changed since <see cref="Since"/>, oldest change first.</param>
public sealed record Digest(
    Quarter Period,
    ReportingWindow Window,
    DateTimeOffset Now,
    DateTimeOffset? Since,
    DigestFilter Filter,
    DigestTotals Totals,
    IReadOnlyList<DigestDepartmentRow> Departments,
    IReadOnlyList<DigestTaskRow> Tasks,
    IReadOnlyList<DigestTaskRow> Behind,
    IReadOnlyList<DigestNotReported> NotReported,
    IReadOnlyList<DigestTaskRow> OverdueAgainstPlan,
    IReadOnlyList<DigestChange> Changes);

/// <summary>The whole digest's numbers.</summary>
/// <param name="Expected">(task, lead department) pairs in scope.</param>
/// <param name="Submitted">Pairs with at least one revision in the period.</param>
/// <param name="Statuses">Latest statuses of the period's reports, and the pairs not submitted; they add up to <paramref name="Expected"/>.</param>
/// <param name="ReportingLights">How many pairs have each reporting light (<see cref="TrafficLightRule.Reporting"/>); they add up to <paramref name="Expected"/>.</param>
/// <param name="ProgressLights">How many pairs have each progress light (<see cref="TrafficLightRule.Progress"/>); they add up to <paramref name="Expected"/>.</param>
/// <param name="Copied">Reports whose latest revision repeats the previous period's answer unchanged.</param>
/// <param name="OverdueAgainstPlan">Pairs whose task is overdue against the plan (the red progress lights).</param>
public sealed record DigestTotals(
    int Expected, int Submitted, StatusBreakdown Statuses, LightCounts ReportingLights, LightCounts ProgressLights, int Copied, int OverdueAgainstPlan)
{
    public int NotSubmitted => Expected - Submitted;

    /// <summary>Submitted / expected, 0..1; 1 when nothing is expected (nothing is missing).</summary>
    public double Rate => Expected == 0 ? 1.0 : (double)Submitted / Expected;
}

/// <summary>One lead department's numbers.</summary>
/// <param name="ReportingLight">The worst of its rows' reporting lights (<see cref="TrafficLightRule"/>).</param>
/// <param name="ProgressLight">The worst of its rows' progress lights.</param>
/// <param name="ReportingLights">How many of its rows have each reporting light: red ones are missing after the due date.</param>
/// <param name="ProgressLights">How many of its rows have each progress light: red ones are overdue against the plan.</param>
/// <param name="OverdueAgainstPlan">Its pairs whose task is overdue against the plan.</param>
public sealed record DigestDepartmentRow(
    string Department, int Expected, int Submitted, TrafficLight ReportingLight, TrafficLight ProgressLight, StatusBreakdown Statuses,
    LightCounts ReportingLights, LightCounts ProgressLights, int Copied, int OverdueAgainstPlan)
{
    public int NotSubmitted => Expected - Submitted;

    /// <summary>Either light is red: the departments the office chases.</summary>
    public bool IsRed => ReportingLight == TrafficLight.Red || ProgressLight == TrafficLight.Red;

    /// <summary>Submitted / expected, 0..1; 1 when nothing is expected.</summary>
    public double Rate => Expected == 0 ? 1.0 : (double)Submitted / Expected;

    /// <summary>
    /// Worst first: by the worse of its two lights, red before yellow before green; then by the better
    /// of the two (two red lights before one); then the lower completion rate (compared exactly, as
    /// fractions); then more pairs overdue against the plan; then more reports missing; then the name,
    /// ordinal.
    /// </summary>
    public static IComparer<DigestDepartmentRow> WorstFirst { get; } = Comparer<DigestDepartmentRow>.Create((a, b) =>
    {
        var c = Worse(b).CompareTo(Worse(a));
        if (c != 0) return c;
        c = Better(b).CompareTo(Better(a));
        if (c != 0) return c;
        c = CompareRates(a.Submitted, a.Expected, b.Submitted, b.Expected);
        if (c != 0) return c;
        c = b.OverdueAgainstPlan.CompareTo(a.OverdueAgainstPlan);
        if (c != 0) return c;
        c = b.NotSubmitted.CompareTo(a.NotSubmitted);
        if (c != 0) return c;
        return string.CompareOrdinal(a.Department, b.Department);
    });

    private static TrafficLight Worse(DigestDepartmentRow d) => TrafficLightRule.Worst(d.ReportingLight, d.ProgressLight);

    private static TrafficLight Better(DigestDepartmentRow d) => d.ReportingLight <= d.ProgressLight ? d.ReportingLight : d.ProgressLight;

    /// <summary>Compares s1/e1 with s2/e2 exactly, by cross-multiplying; a rate with nothing expected is 1.</summary>
    private static int CompareRates(int s1, int e1, int s2, int e2)
    {
        if (e1 == 0) (s1, e1) = (1, 1);
        if (e2 == 0) (s2, e2) = (1, 1);
        return ((long)s1 * e2).CompareTo((long)s2 * e1);
    }
}

/// <summary>One (task, lead department) report of the period.</summary>
/// <param name="Latest">The latest revision (highest number) of the period, or null if none was submitted.</param>
/// <param name="ReportingLight">Has the report come in, in time (<see cref="TrafficLightRule.Reporting"/>).</param>
/// <param name="ProgressLight">Is the task on track against the plan (<see cref="TrafficLightRule.Progress"/>).</param>
/// <param name="CopiedFromPrevious">The latest revision's answers equal (<see cref="ReportContent.SameAs"/>) the previous period's latest for the same task and department.</param>
/// <param name="OverdueAgainstPlan">The task's due year has passed and this lead department has never reported it 已完成 (<see cref="PlanDeadlineRule"/>).</param>
/// <param name="Returned">The office sent the latest revision back (退回): the report counts as not submitted until a new revision comes.</param>
/// <param name="Notes">The supporting departments' notes on the task in the period: the latest of each department, oldest first.</param>
public sealed record DigestTaskRow(
    PlanTask Task, string Department, ReportRevision? Latest, TrafficLight ReportingLight, TrafficLight ProgressLight, bool CopiedFromPrevious,
    bool OverdueAgainstPlan, ReportReturn? Returned = null, IReadOnlyList<ReportNote>? Notes = null)
{
    public IReadOnlyList<ReportNote> Notes { get; init; } = Notes ?? [];

    public int TaskNumber => Task.Number;

    /// <summary>Either light is red: missing after the due date, or overdue against the plan.</summary>
    public bool IsRed => ReportingLight == TrafficLight.Red || ProgressLight == TrafficLight.Red;

    public bool Submitted => Latest is not null && Returned is null;

    public ReportStatus? Status => Submitted ? Latest!.Content.Status : null;

    /// <summary>存在问题 of the latest revision, exactly as typed; null if none was submitted.</summary>
    public string? Problems => Latest?.Content.Problems;
}

/// <summary>A department missing reports of the period.</summary>
/// <param name="TaskNumbers">The tasks it leads and has not reported, ascending.</param>
/// <param name="NothingReported">It has submitted none of the period's reports it owes.</param>
public sealed record DigestNotReported(string Department, IReadOnlyList<int> TaskNumbers, bool NothingReported);

/// <summary>How a report changed since the last digest.</summary>
public enum DigestChangeKind
{
    /// <summary>First submitted since the last digest: there was no revision of it before.</summary>
    New,
    /// <summary>Revised with another status than it had at the last digest.</summary>
    StatusChanged,
    /// <summary>Revised with the same status but other answers.</summary>
    Edited,
}

/// <summary>A report of the period with a revision submitted after the last digest.</summary>
/// <param name="Before">The revision in force at the last digest (highest number submitted at or before it), or null.</param>
/// <param name="After">The latest revision now.</param>
public sealed record DigestChange(
    PlanTask Task, string Department, DigestChangeKind Kind, ReportRevision? Before, ReportRevision After)
{
    public int TaskNumber => Task.Number;
}

/// <summary>Reports by latest status, and the ones not submitted (未报送).</summary>
public readonly record struct StatusBreakdown(int Completed, int OnTrack, int Behind, int NotStarted, int NotSubmitted)
{
    public int Total => Completed + OnTrack + Behind + NotStarted + NotSubmitted;

    /// <summary>The count for a status; null means not submitted.</summary>
    public int this[ReportStatus? status] => status switch
    {
        ReportStatus.Completed => Completed,
        ReportStatus.OnTrack => OnTrack,
        ReportStatus.Behind => Behind,
        ReportStatus.NotStarted => NotStarted,
        null => NotSubmitted,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>How many reports have each light (of one kind: reporting or progress).</summary>
public readonly record struct LightCounts(int Red, int Yellow, int Green)
{
    public int Total => Red + Yellow + Green;

    public int this[TrafficLight light] => light switch
    {
        TrafficLight.Red => Red,
        TrafficLight.Yellow => Yellow,
        TrafficLight.Green => Green,
        _ => throw new ArgumentOutOfRangeException(nameof(light), light, null),
    };
}
