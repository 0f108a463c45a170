using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Tests.Digests;

/// <summary>
/// For random plans, revisions, clocks and filters, every number and list of the digest equals what a
/// naive recomputation finds by scanning the raw lists. The recomputation below restates the rules from
/// their documentation with plain LINQ and shares no code with <see cref="DigestCalculator"/>: it finds
/// due dates from the calendar options, local dates by converting the clock, and latest revisions by
/// sorting every revision of a key.
/// </summary>
public class DigestPropertyTests
{
    /// <summary>Department pool: 己局 never leads anything, so its reports and filter match nothing.</summary>
    private static readonly string[] Pool = ["科技厅", "财政厅", "教育厅", "发改委", "人社厅", "己局"];

    private static readonly ReportStatus[] Statuses = Enum.GetValues<ReportStatus>();

    /// <summary>A random world: a plan, a calendar, revisions over the periods around one, a clock and a filter.</summary>
    public sealed record Scenario(
        IReadOnlyList<PlanTask> Tasks,
        IReadOnlyList<ReportRevision> Revisions,
        string Zone,
        int DueDays,
        Quarter Period,
        bool PassPeriod,
        DateTimeOffset Now,
        DateTimeOffset? Since,
        DigestFilter Filter,
        int DueSoonDays)
    {
        public ReportingCalendar Calendar => new(new ReportingCalendarOptions { TimeZone = Zone, DueDaysAfterQuarterEnd = DueDays });

        public DigestInput Input => new(Tasks, Revisions, Calendar, Now, PassPeriod ? Period : null, Since, Filter, new DigestOptions(DueSoonDays));

        public override string ToString()
        {
            var s = new StringBuilder();
            s.Append(CultureInfo.InvariantCulture, $"zone={Zone} due={DueDays} period={Period} pass={PassPeriod} now={Now:O} since={Since:O} filter={Filter} soon={DueSoonDays}\n");
            foreach (var t in Tasks)
                s.Append(CultureInfo.InvariantCulture, $"task {t.Number} [{string.Join(",", t.Departments.Select(d => $"{d.Name}:{d.Role}"))}] {t.Schedule}\n");
            foreach (var r in Revisions)
                s.Append(CultureInfo.InvariantCulture, $"rev {r.Key.TaskNumber} {r.Key.Department} {r.Key.Period} #{r.Revision} {r.Content.Status} {r.Content.Progress}/{r.Content.Problems}/{r.Content.Percent}/{r.Content.Evidence.Count} at {r.SubmittedAt:O}\n");
            return s.ToString();
        }
    }

    // ---- Generators ----------------------------------------------------------------------------

    private static Gen<Schedule> ScheduleGen =>
        Gen.OneOf(
            Gen.Constant(Schedule.Empty),
            Gen.Constant(new Schedule("持续推进", null, null, null, true)),
            Gen.Choose(2023, 2029).Select(y => new Schedule($"{y}年启动", y, null, null, false)),
            Gen.Choose(2023, 2029).Select(y => new Schedule($"{y}年启动，持续推进", y, null, null, true)),
            Gen.Choose(2023, 2029).Select(y => new Schedule($"{y}年完成", null, y, null, false)),
            Gen.Choose(2023, 2029).Select(y => new Schedule($"{y}年已完成", null, null, y, false)),
            Gen.Zip(Gen.Choose(2023, 2029), Gen.Choose(1, 12)).Select(ym => new Schedule(
                $"{ym.Item1}年{ym.Item2}月底前", null, ym.Item1, null, false, new DateOnly(ym.Item1, ym.Item2, DateTime.DaysInMonth(ym.Item1, ym.Item2)))));

    private static Gen<IReadOnlyList<TaskDepartment>> DepartmentsGen =>
        from count in Gen.Choose(1, 4)
        from names in Gen.Shuffle<string>(Pool[..5])
        from firstLeads in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from otherLeads in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false))), 3)
        select (IReadOnlyList<TaskDepartment>)names.Take(count)
            .Select((n, i) => new TaskDepartment(n, (i == 0 ? firstLeads : otherLeads[i - 1]) ? DepartmentRole.Lead : DepartmentRole.Support))
            .ToList();

    private static Gen<IReadOnlyList<PlanTask>> TasksGen =>
        from count in Gen.Choose(1, 30)
        from gaps in Gen.ArrayOf(Gen.Choose(1, 3), count)
        from departments in Gen.ArrayOf(DepartmentsGen, count)
        from schedules in Gen.ArrayOf(ScheduleGen, count)
        from order in Gen.Shuffle<int>(Enumerable.Range(0, count))
        select (IReadOnlyList<PlanTask>)order
            .Select(i => new PlanTask(gaps.Take(i + 1).Sum(), $"任务{i}", departments[i], schedules[i]))
            .ToList();

    /// <summary>Answers from small pools, and often the same standard answer, so that copies happen.</summary>
    private static Gen<ReportContent> ContentGen =>
        Gen.Frequency(
            (3, Gen.Fresh(() => new ReportContent(ReportStatus.OnTrack, "按计划推进", "无", "继续", null, []))),
            (7, from status in Gen.Elements(Statuses)
                from progress in Gen.Elements("按计划推进", "已完成一半")
                from problems in Gen.Elements("无", "资金不足")
                from percent in Gen.Elements<int?>(null, 50)
                from evidence in Gen.Elements(0, 0, 1)
                select new ReportContent(status, progress, problems, "继续", percent,
                    evidence == 0 ? new List<string>() : ["https://example.org/1"])));

    /// <summary>Instants on a half-day grid around the period's end, so that equal instants (submitted at `since`) happen.</summary>
    private static Gen<DateTimeOffset> InstantGen(Quarter period, int fromDay, int toDay) =>
        from day in Gen.Choose(fromDay, toDay)
        from half in Gen.Choose(0, 1)
        from offset in Gen.Elements(8, 0)
        select new DateTimeOffset(period.LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(offset))
            .AddDays(day).AddHours(12 * half);

    private sealed record KeySpec(int Task, string Department, Quarter Period, List<(ReportContent Content, DateTimeOffset At)> Revisions);

    private static Gen<KeySpec> KeyGen(IReadOnlyList<PlanTask> tasks, Quarter period) =>
        from t in Gen.Elements<PlanTask>(tasks)
        from lead in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from pick in Gen.Choose(0, 99)
        from shift in Gen.Elements(-2, -1, -1, 0, 0, 0, 0, 1)
        from count in Gen.Choose(1, 3)
        from contents in Gen.ArrayOf(ContentGen, count)
        from times in Gen.ArrayOf(InstantGen(period, -40, 40), count)
        let leads = t.Departments.Where(d => d.Role == DepartmentRole.Lead).Select(d => d.Name).ToList()
        let department = lead && leads.Count > 0 ? leads[pick % leads.Count] : Pool[pick % Pool.Length]
        select new KeySpec(t.Number, department, Shift(period, shift), contents.Zip(times).ToList());

    private static Quarter Shift(Quarter q, int by) =>
        by switch { < 0 => Shift(q.Previous(), by + 1), > 0 => Shift(q.Next(), by - 1), _ => q };

    private static Gen<IReadOnlyList<ReportRevision>> RevisionsGen(IReadOnlyList<PlanTask> tasks, Quarter period) =>
        from keys in Gen.ListOf(KeyGen(tasks, period))
        let revisions = keys
            .GroupBy(k => new ReportKey(k.Task, k.Department, k.Period))
            .SelectMany(g => g.SelectMany(k => k.Revisions)
                .Select((r, i) => new ReportRevision(g.Key, i + 1, r.Content, "c", r.At, false)))
            .ToList()
        from shuffled in Gen.Shuffle<ReportRevision>(revisions)
        select (IReadOnlyList<ReportRevision>)shuffled;

    private static Gen<Scenario> ScenarioGen =>
        from tasks in TasksGen
        from year in Gen.Choose(2024, 2028)
        from number in Gen.Choose(1, 4)
        let period = new Quarter(year, number)
        from revisions in RevisionsGen(tasks, period)
        from zone in Gen.Elements("Asia/Shanghai", "Asia/Shanghai", "UTC")
        from dueDays in Gen.Elements(0, 10, 10, 31)
        // Half the clocks fall near the due date, where missing reports turn yellow, then red.
        from now in Gen.OneOf(InstantGen(period, -15, 45), InstantGen(period, dueDays - 9, dueDays + 2))
        from since in Gen.Frequency(
            (1, Gen.Constant<DateTimeOffset?>(null)),
            (4, InstantGen(period, -40, 40).Select(i => (DateTimeOffset?)i)))
        from passPeriod in Gen.Elements(true, false)
        from department in Gen.Frequency((3, Gen.Constant<string?>(null)), (2, Gen.Elements(Pool).Select(d => (string?)d)))
        from overdueOnly in Gen.Elements(false, false, true)
        from dueSoonDays in Gen.Choose(0, 7)
        let calendar = new ReportingCalendar(new ReportingCalendarOptions { TimeZone = zone, DueDaysAfterQuarterEnd = dueDays })
        // When the period is left to the calendar, it is the current one at `now`; revisions stay around `period`.
        select new Scenario(tasks, revisions, zone, dueDays,
            passPeriod ? period : calendar.CurrentPeriod(now), passPeriod, now, since,
            new DigestFilter(department, overdueOnly), dueSoonDays);

    // ---- The property ------------------------------------------------------------------------

    [Property(MaxTest = 500, EndSize = 60)]
    public Property Every_number_of_the_digest_equals_a_naive_recount() =>
        Prop.ForAll(ScenarioGen.ToArbitrary(), s => Check(s));

    private static void Check(Scenario s)
    {
        var digest = DigestCalculator.Compute(s.Input);
        var naive = Naive.Of(s);

        Assert.Equal(s.Period, digest.Period);

        // Totals.
        Assert.Equal(naive.Rows.Count, digest.Totals.Expected);
        Assert.Equal(naive.Rows.Count(r => r.Latest is not null), digest.Totals.Submitted);
        Assert.Equal(naive.Rows.Count(r => r.Latest is null), digest.Totals.NotSubmitted);
        Assert.Equal(naive.Rows.Count == 0 ? 1.0 : naive.Rows.Count(r => r.Latest is not null) / (double)naive.Rows.Count, digest.Totals.Rate);
        Assert.Equal(Breakdown(naive.Rows), digest.Totals.Statuses);
        Assert.Equal(Lights(naive.Rows, r => r.Reporting), digest.Totals.ReportingLights);
        Assert.Equal(Lights(naive.Rows, r => r.Progress), digest.Totals.ProgressLights);
        Assert.Equal(naive.Rows.Count(r => r.Copied), digest.Totals.Copied);
        Assert.Equal(naive.Rows.Count(r => r.Overdue), digest.Totals.OverdueAgainstPlan);

        // Departments: every number, and the order.
        var byDepartment = naive.Rows.GroupBy(r => r.Department).ToList();
        Assert.Equal(byDepartment.Count, digest.Departments.Count);
        foreach (var g in byDepartment)
        {
            var row = digest.Departments.Single(d => d.Department == g.Key);
            Assert.Equal(g.Count(), row.Expected);
            Assert.Equal(g.Count(r => r.Latest is not null), row.Submitted);
            Assert.Equal(g.Count(r => r.Latest is not null) / (double)g.Count(), row.Rate);
            Assert.Equal(Breakdown(g), row.Statuses);
            Assert.Equal(Lights(g, r => r.Reporting), row.ReportingLights);
            Assert.Equal(Lights(g, r => r.Progress), row.ProgressLights);
            Assert.Equal(g.Max(r => r.Reporting), row.ReportingLight);
            Assert.Equal(g.Max(r => r.Progress), row.ProgressLight);
            Assert.Equal(g.Count(r => r.Copied), row.Copied);
            Assert.Equal(g.Count(r => r.Overdue), row.OverdueAgainstPlan);
        }
        var worstFirst = byDepartment
            .OrderByDescending(g => (TrafficLight)Math.Max((int)g.Max(r => r.Reporting), (int)g.Max(r => r.Progress)))
            .ThenByDescending(g => (TrafficLight)Math.Min((int)g.Max(r => r.Reporting), (int)g.Max(r => r.Progress)))
            .ThenBy(g => g.Count(r => r.Latest is not null) / (double)g.Count())
            .ThenByDescending(g => g.Count(r => r.Overdue))
            .ThenByDescending(g => g.Count(r => r.Latest is null))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key);
        Assert.Equal(worstFirst, digest.Departments.Select(d => d.Department));

        // Rows, with their revision, light and flags.
        var shownRows = s.Filter.OverdueOnly ? naive.Rows.Where(r => r.Reporting == TrafficLight.Red || r.Progress == TrafficLight.Red).ToList() : naive.Rows;
        Assert.Equal(shownRows.Select(r => r.Describe()), digest.Tasks.Select(Describe));
        for (var i = 0; i < shownRows.Count; i++) Assert.Same(shownRows[i].Latest, digest.Tasks[i].Latest);

        // Lists.
        Assert.Equal(
            naive.Rows.Where(r => r.Latest?.Content.Status == ReportStatus.Behind).Select(r => $"{r.Task.Number} {r.Department} {r.Latest!.Content.Problems}"),
            digest.Behind.Select(r => $"{r.TaskNumber} {r.Department} {r.Problems}"));
        Assert.Equal(
            naive.Rows.Where(r => r.Overdue).Select(r => $"{r.Task.Number} {r.Department}"),
            digest.OverdueAgainstPlan.Select(r => $"{r.TaskNumber} {r.Department}"));
        Assert.Equal(
            byDepartment.Where(g => g.Any(r => r.Latest is null)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}: {string.Join(",", g.Where(r => r.Latest is null).Select(r => r.Task.Number))} {g.All(r => r.Latest is null)}"),
            digest.NotReported.Select(d => $"{d.Department}: {string.Join(",", d.TaskNumbers)} {d.NothingReported}"));
        Assert.Equal(naive.Changes, digest.Changes.Select(c => $"{c.TaskNumber} {c.Department} {c.Kind} {c.Before?.Revision} {c.After.Revision}"));
    }

    private static string Describe(DigestTaskRow r) =>
        $"{r.TaskNumber} {r.Department} #{r.Latest?.Revision} {r.ReportingLight}/{r.ProgressLight} copied={r.CopiedFromPrevious} overdue={r.OverdueAgainstPlan}";

    private static StatusBreakdown Breakdown(IEnumerable<Naive.Row> rows) => new(
        rows.Count(r => r.Latest?.Content.Status == ReportStatus.Completed),
        rows.Count(r => r.Latest?.Content.Status == ReportStatus.OnTrack),
        rows.Count(r => r.Latest?.Content.Status == ReportStatus.Behind),
        rows.Count(r => r.Latest?.Content.Status == ReportStatus.NotStarted),
        rows.Count(r => r.Latest is null));

    private static LightCounts Lights(IEnumerable<Naive.Row> rows, Func<Naive.Row, TrafficLight> light) => new(
        rows.Count(r => light(r) == TrafficLight.Red),
        rows.Count(r => light(r) == TrafficLight.Yellow),
        rows.Count(r => light(r) == TrafficLight.Green));

    /// <summary>The digest recomputed the slow, obvious way.</summary>
    private sealed class Naive
    {
        public sealed record Row(PlanTask Task, string Department, ReportRevision? Latest, TrafficLight Reporting, TrafficLight Progress, bool Copied, bool Overdue)
        {
            public string Describe() =>
                $"{Task.Number} {Department} #{Latest?.Revision} {Reporting}/{Progress} copied={Copied} overdue={Overdue}";
        }

        public required List<Row> Rows { get; init; }
        public required List<string> Changes { get; init; }

        public static Naive Of(Scenario s)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(s.Zone);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Now, zone).DateTime);
            var dueDate = s.Period.LastDay.AddDays(s.DueDays);
            var previous = s.Period.Previous();

            ReportRevision? LatestOf(int task, string department, Quarter period) => s.Revisions
                .Where(r => r.Key.TaskNumber == task && r.Key.Department == department && r.Key.Period == period)
                .OrderBy(r => r.Revision)
                .LastOrDefault();

            // Each lead department's part is its own: only its own 已完成 clears it.
            bool Overdue(PlanTask t, string department) =>
                t.Schedule.DoneYear is null && t.Schedule.DueYear is int due &&
                (t.Schedule.DueDate is { } dueDate ? today > dueDate : today.Year > due) &&
                s.Revisions.All(r => r.Key.TaskNumber != t.Number || r.Key.Department != department || r.Content.Status != ReportStatus.Completed);

            TrafficLight Reporting(ReportRevision? latest)
            {
                if (latest is not null) return TrafficLight.Green;
                if (today > dueDate) return TrafficLight.Red;
                return dueDate.DayNumber - today.DayNumber <= s.DueSoonDays ? TrafficLight.Yellow : TrafficLight.Green;
            }

            TrafficLight Progress(PlanTask t, ReportRevision? latest, bool overdue)
            {
                if (overdue) return TrafficLight.Red;
                if (latest is null) return TrafficLight.Green;
                if (latest.Content.Status == ReportStatus.Behind) return TrafficLight.Yellow;
                if (latest.Content.Status == ReportStatus.NotStarted)
                    return t.Schedule.StartYear > today.Year ? TrafficLight.Green : TrafficLight.Yellow;
                return TrafficLight.Green;
            }

            var pairs = s.Tasks
                .OrderBy(t => t.Number)
                .SelectMany(t => t.Departments.Where(d => d.Role == DepartmentRole.Lead).Select(d => d.Name).Distinct().Select(d => (Task: t, Department: d)))
                .Where(p => s.Filter.Department is null || p.Department == s.Filter.Department)
                .ToList();

            var rows = pairs.Select(p =>
            {
                var latest = LatestOf(p.Task.Number, p.Department, s.Period);
                var before = LatestOf(p.Task.Number, p.Department, previous);
                var overdue = Overdue(p.Task, p.Department);
                return new Row(p.Task, p.Department, latest, Reporting(latest), Progress(p.Task, latest, overdue),
                    latest is not null && before is not null && latest.Content.SameAs(before.Content), overdue);
            }).ToList();

            var changes = new List<(DateTimeOffset At, int Task, string Department, string Text)>();
            foreach (var (task, department) in pairs)
            {
                var ofPeriod = s.Revisions.Where(r => r.Key == new ReportKey(task.Number, department, s.Period)).ToList();
                if (!ofPeriod.Any(r => s.Since is null || r.SubmittedAt > s.Since)) continue;
                var after = ofPeriod.MaxBy(r => r.Revision)!;
                var atSince = ofPeriod.Where(r => s.Since is not null && r.SubmittedAt <= s.Since).MaxBy(r => r.Revision);
                string? kind =
                    atSince is null ? "New"
                    : atSince.Content.Status != after.Content.Status ? "StatusChanged"
                    : !atSince.Content.SameAs(after.Content) ? "Edited"
                    : null;
                if (kind is not null)
                    changes.Add((after.SubmittedAt, task.Number, department, $"{task.Number} {department} {kind} {atSince?.Revision} {after.Revision}"));
            }

            return new Naive
            {
                Rows = rows,
                Changes = changes
                    .OrderBy(c => c.At).ThenBy(c => c.Task).ThenBy(c => c.Department, StringComparer.Ordinal)
                    .Select(c => c.Text).ToList(),
            };
        }
    }
}
