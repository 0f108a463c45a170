using System.Reflection;
using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Benchmarks;

/// <summary>
/// Benchmark inputs, built deterministically (fixed seeds): the shipped plan with 10 years of quarterly
/// history, and a national store of 30 such plans with 200,000 revisions.
/// </summary>
public static class DigestData
{
    /// <summary>2027-01-08, a Friday two days before 2026Q4's due date: the last digest before it closes.</summary>
    public static readonly DateTimeOffset Now = new(2027, 1, 8, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly ReportingCalendar Calendar = new(new ReportingCalendarOptions());

    public static readonly Quarter Latest = Calendar.CurrentPeriod(Now);

    /// <summary>40 quarters: 2017Q1..2026Q4.</summary>
    public const int Quarters = 40;

    private static readonly ReportStatus[] StatusWeights =
    [
        ReportStatus.OnTrack, ReportStatus.OnTrack, ReportStatus.OnTrack, ReportStatus.OnTrack, ReportStatus.OnTrack,
        ReportStatus.Completed, ReportStatus.Completed, ReportStatus.Behind, ReportStatus.NotStarted,
    ];

    private static readonly string[] Progress =
    [
        "已按计划完成本季度各项工作，相关制度文件已印发实施，正在组织开展督促检查和效果评估。",
        "牵头制定实施细则，已完成征求意见稿并征求相关部门意见，拟于下季度提交审议。",
        "已召开专题会议研究部署，明确责任分工和时间节点，各项工作有序推进。",
        "试点工作已在部分地州市启动，正在总结经验做法，适时扩大试点范围。",
    ];

    private static readonly string[] Problems = ["无", "资金保障不足，配套政策尚未出台。", "部门协调难度较大，进度滞后于计划。"];

    private static readonly string[] NextSteps = ["继续按计划推进，加强督促检查。", "加快出台配套政策，确保按期完成。"];

    /// <summary>The shipped plan's 119 tasks, parsed from the seed file (department names as written, no alias directory).</summary>
    public static IReadOnlyList<PlanTask> ShippedPlan()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("plan.txt")
            ?? throw new InvalidOperationException("The plan resource is missing.");
        using var reader = new StreamReader(stream);
        return PlanImport.Prepare(PlanTableParser.Parse(reader.ReadToEnd()), [], []).Tasks;
    }

    /// <summary>The shipped plan, each (task, lead) pair reported every quarter for 10 years, some 2–3 times.</summary>
    public static DigestInput ShippedPlanTenYears()
    {
        var tasks = ShippedPlan();
        return Input(tasks, History(tasks, new Random(2017), targetRevisions: null));
    }

    /// <summary>30 plans of the shipped plan's shape (task p·1000+n, departments per province), 200,000 revisions.</summary>
    public static DigestInput NationalStore(int plans = 30, int revisions = 200_000)
    {
        var shipped = ShippedPlan();
        var tasks = Enumerable.Range(1, plans)
            .SelectMany(p => shipped.Select(t => t with
            {
                Number = p * 1000 + t.Number,
                Departments = t.Departments.Select(d => d with { Name = $"{d.Name}·{p:00}" }).ToList(),
            }))
            .ToList();
        return Input(tasks, History(tasks, new Random(2026), revisions));
    }

    private static DigestInput Input(IReadOnlyList<PlanTask> tasks, IReadOnlyList<ReportRevision> revisions) =>
        new(tasks, revisions, Calendar, Now, Period: null, Since: Now.AddDays(-7));

    /// <summary>
    /// Every lead pair reports every quarter up to <see cref="Latest"/>; in the latest, open period 85% have
    /// reported so far. 70% of reports have one revision, 20% two, 10% three; with
    /// <paramref name="targetRevisions"/>, extra revisions are spread over random reports to reach it exactly.
    /// A fifth of the tasks never report 已完成 (so those due are overdue against the plan), and 30% of
    /// reports repeat the previous quarter's answer unchanged.
    /// </summary>
    private static List<ReportRevision> History(IReadOnlyList<PlanTask> tasks, Random rng, int? targetRevisions)
    {
        var laggards = tasks.Where(_ => rng.NextDouble() < 0.2).Select(t => t.Number).ToHashSet();
        var pairs = tasks.SelectMany(t => t.LeadDepartments.Distinct().Select(d => (Task: t.Number, Department: d))).ToList();
        var first = Latest;
        for (var i = 1; i < Quarters; i++) first = first.Previous();

        var keys = new List<(int Pair, ReportKey Key)>();
        for (var q = first; q <= Latest; q = q.Next())
            for (var p = 0; p < pairs.Count; p++)
                if (q < Latest || rng.NextDouble() < 0.85)
                    keys.Add((p, new ReportKey(pairs[p].Task, pairs[p].Department, q)));

        var counts = keys.Select(_ => rng.NextDouble() switch { < 0.7 => 1, < 0.9 => 2, _ => 3 }).ToArray();
        if (targetRevisions is int target)
        {
            var total = counts.Sum();
            while (total > target) { var i = rng.Next(keys.Count); if (counts[i] > 1) { counts[i]--; total--; } }
            while (total < target) { counts[rng.Next(keys.Count)]++; total++; }
        }

        var lastAnswer = new ReportContent?[pairs.Count];
        var revisions = new List<ReportRevision>(counts.Sum());
        for (var k = 0; k < keys.Count; k++)
        {
            var (pair, key) = keys[k];
            var window = Calendar.WindowFor(key.Period);
            var at = window.Opens.AddHours(rng.Next(24 * 20));
            for (var r = 1; r <= counts[k]; r++)
            {
                var content = r == 1 && lastAnswer[pair] is { } previous && rng.NextDouble() < 0.3
                    ? previous with { Evidence = [.. previous.Evidence] }
                    : Answer(rng, laggards.Contains(key.TaskNumber));
                revisions.Add(new ReportRevision(key, r, content, $"contact-{rng.Next(500)}", at, at >= window.Deadline));
                at = at.AddHours(1 + rng.Next(72));
                lastAnswer[pair] = content;
            }
        }
        // Stored oldest first, as the repository returns them.
        revisions.Sort((a, b) => a.SubmittedAt.CompareTo(b.SubmittedAt));
        return revisions;
    }

    private static ReportContent Answer(Random rng, bool laggard)
    {
        ReportStatus status;
        do status = StatusWeights[rng.Next(StatusWeights.Length)];
        while (laggard && status == ReportStatus.Completed);
        return new ReportContent(
            status, Progress[rng.Next(Progress.Length)], Problems[rng.Next(Problems.Length)],
            NextSteps[rng.Next(NextSteps.Length)], rng.Next(3) == 0 ? null : rng.Next(0, 101), []);
    }
}
