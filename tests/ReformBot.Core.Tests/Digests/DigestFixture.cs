using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using static ReformBot.Core.Tests.TestTime;

namespace ReformBot.Core.Tests.Digests;

/// <summary>Small builders for digest tests: tasks, report contents and revisions written in one line each.</summary>
internal static class DigestFixture
{
    /// <summary>Default calendar: Asia/Shanghai, windows open 15 days before quarter end, due 10 days after.</summary>
    public static readonly ReportingCalendar Shanghai = new(new ReportingCalendarOptions());

    public static readonly Schedule Ongoing = new("持续推进", null, null, null, true);

    public static Schedule DueIn(int year) => new($"{year}年完成", null, year, null, false);

    public static Schedule StartsIn(int year) => new($"{year}年启动", year, null, null, false);

    public static Schedule DoneIn(int year) => new($"{year}年已完成", null, null, year, false);

    /// <summary>A task led by <paramref name="lead"/>, supported by <paramref name="support"/>.</summary>
    public static PlanTask Task(int number, string lead, Schedule? schedule = null, params string[] support) =>
        new(number, $"任务{number}",
            [new TaskDepartment(lead, DepartmentRole.Lead), .. support.Select(s => new TaskDepartment(s, DepartmentRole.Support))],
            schedule ?? Ongoing);

    /// <summary>A task every listed department leads for its own part (按职能分别牵头).</summary>
    public static PlanTask TaskLedByAll(int number, Schedule? schedule, params string[] leads) =>
        new(number, $"任务{number}", leads.Select(l => new TaskDepartment(l, DepartmentRole.Lead)).ToList(), schedule ?? Ongoing);

    public static ReportContent Content(
        ReportStatus status, string progress = "按计划推进中", string problems = "无", string nextSteps = "继续推进",
        int? percent = null, params string[] evidence) =>
        new(status, progress, problems, nextSteps, percent, evidence.ToList());

    public static ReportRevision Rev(int task, string department, string period, int revision, ReportContent content, string submittedAt) =>
        new(new ReportKey(task, department, Quarter.Parse(period)), revision, content, "contact-1", At(submittedAt), false);

    public static ReportRevision Rev(int task, string department, string period, int revision, ReportStatus status, string submittedAt) =>
        Rev(task, department, period, revision, Content(status), submittedAt);

    public static Digest Compute(
        IReadOnlyList<PlanTask> tasks, IReadOnlyList<ReportRevision> revisions, string now,
        string? period = null, string? since = null, DigestFilter? filter = null, DigestOptions? options = null,
        ReportingCalendar? calendar = null) =>
        DigestCalculator.Compute(new DigestInput(
            tasks, revisions, calendar ?? Shanghai, At(now),
            period is null ? null : Quarter.Parse(period),
            since is null ? null : At(since),
            filter, options));

    public static DigestTaskRow Row(this Digest digest, int task, string department) =>
        digest.Tasks.Single(r => r.TaskNumber == task && r.Department == department);

    public static DigestDepartmentRow Department(this Digest digest, string department) =>
        digest.Departments.Single(r => r.Department == department);
}
