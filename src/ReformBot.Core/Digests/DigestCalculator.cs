using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Digests;

/// <summary>
/// Computes a <see cref="Digest"/>. Pure: the result depends only on the input, and equal inputs give
/// equal digests in the same order. One pass over the revisions (no sorting, no grouping of them), so
/// it stays linear in their number: a national store's 200,000 revisions take milliseconds.
/// </summary>
public static class DigestCalculator
{
    private static readonly ReportStatus[] CompletedOnly = [ReportStatus.Completed];

    /// <exception cref="ArgumentException">Two tasks have the same number.</exception>
    public static Digest Compute(DigestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Tasks);
        ArgumentNullException.ThrowIfNull(input.Revisions);
        ArgumentNullException.ThrowIfNull(input.Calendar);

        var options = input.Options ?? DigestOptions.Default;
        var filter = input.Filter ?? DigestFilter.None;
        var calendar = input.Calendar;
        var now = input.Now;
        var since = input.Since;
        var period = input.Period ?? calendar.CurrentPeriod(now);
        var window = calendar.WindowFor(period);
        // 1000Q1 has no previous quarter that Quarter can represent; no report can be for it.
        var hasPrevious = period is not { Year: Quarter.MinYear, Number: 1 };
        var previous = hasPrevious ? period.Previous() : period;
        var localToday = calendar.LocalDate(now);
        var lights = new TrafficLightRule(window, calendar, now, options.DueSoonDays);

        // The expected reports: (task, lead department) pairs in scope, in task-number order, each
        // task's leads in the table's order. Indexed by task number, then a short scan of its leads.
        var byTask = new Dictionary<int, TaskEntry>(input.Tasks.Count);
        var pairs = new List<Pair>();
        foreach (var task in input.Tasks.OrderBy(t => t.Number))
        {
            var taskPairs = new List<Pair>(1);
            foreach (var d in task.Departments)
            {
                if (d.Role != DepartmentRole.Lead) continue;
                if (filter.Department is { } only && !string.Equals(d.Name, only, StringComparison.Ordinal)) continue;
                if (Find(taskPairs, d.Name) is not null) continue;
                taskPairs.Add(new Pair(task, d.Name));
            }
            // Only a task whose due date has passed can be overdue; only for it do statuses of old reports matter.
            var mayBeOverdue = PlanDeadlineRule.IsOverdueAgainstPlan(task.Schedule, [], localToday);
            if (!byTask.TryAdd(task.Number, new TaskEntry([.. taskPairs], mayBeOverdue)))
                throw new ArgumentException($"Task number {task.Number} appears more than once.", nameof(input));
            pairs.AddRange(taskPairs);
        }

        // One pass over every revision. Most are of other periods and touch only their key.
        foreach (var r in input.Revisions)
        {
            var key = r.Key;
            if (!byTask.TryGetValue(key.TaskNumber, out var entry) || entry.Pairs.Length == 0) continue;
            if (Find(entry.Pairs, key.Department) is not { } pair) continue;
            // With several leads (按职能分别牵头), each lead's 已完成 completes its own part only.
            if (entry.MayBeOverdue && r.Content.Status == ReportStatus.Completed) pair.Completed = true;

            var isCurrent = key.Period == period;
            if (!isCurrent && !(hasPrevious && key.Period == previous)) continue;

            if (!isCurrent)
            {
                if (IsLater(r, pair.Previous)) pair.Previous = r;
                continue;
            }
            if (IsLater(r, pair.Latest)) pair.Latest = r;
            if (since is { } s && r.SubmittedAt <= s)
            {
                if (IsLater(r, pair.AtSince)) pair.AtSince = r;
            }
            else
            {
                pair.ChangedSince = true;
            }
        }

        var returns = new Dictionary<ReportKey, ReportReturn>();
        foreach (var r in input.Returns ?? [])
            if (r.Key.Period == period && (!returns.TryGetValue(r.Key, out var other) || other.ReturnedAt <= r.ReturnedAt))
                returns[r.Key] = r;

        // The latest note of each supporting department, by task; a later note of a department replaces its earlier one.
        var notes = new Dictionary<int, List<ReportNote>>();
        foreach (var n in input.Notes ?? [])
        {
            if (n.Period != period || !byTask.TryGetValue(n.TaskNumber, out var entry) || entry.Pairs.Length == 0) continue;
            if (!notes.TryGetValue(n.TaskNumber, out var list)) notes.Add(n.TaskNumber, list = []);
            var earlier = list.FindIndex(x => string.Equals(x.Department, n.Department, StringComparison.Ordinal));
            if (earlier < 0) list.Add(n);
            else if (list[earlier].SubmittedAt <= n.SubmittedAt)
            {
                list.RemoveAt(earlier);
                list.Add(n);
            }
        }

        var totals = new Tally();
        var departments = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var rows = new List<DigestTaskRow>(pairs.Count);
        var behind = new List<DigestTaskRow>();
        var overdueRows = new List<DigestTaskRow>();
        var changes = new List<DigestChange>();
        foreach (var pair in pairs)
        {
            var task = pair.Task;
            var latest = pair.Latest;
            var overdue = PlanDeadlineRule.IsOverdueAgainstPlan(task.Schedule, pair.Completed ? CompletedOnly : [], localToday);
            // A return is in force while the revision it sent back is still the latest.
            var returned = latest is not null && returns.TryGetValue(new ReportKey(task.Number, pair.Department, period), out var ret) && ret.Revision == latest.Revision
                ? ret : null;
            var status = returned is null ? latest?.Content.Status : null;
            var copied = returned is null && latest is not null && pair.Previous is not null && latest.Content.SameAs(pair.Previous.Content);
            var row = new DigestTaskRow(task, pair.Department, latest,
                lights.Reporting(submitted: status is not null), lights.Progress(status, overdue, task.Schedule), copied, overdue, returned,
                notes.GetValueOrDefault(task.Number));

            rows.Add(row);
            totals.Add(row);
            if (!departments.TryGetValue(pair.Department, out var tally))
                departments.Add(pair.Department, tally = new Tally());
            tally.Add(row);
            if (row.Status == ReportStatus.Behind) behind.Add(row);
            if (overdue) overdueRows.Add(row);
            if (pair.ChangedSince && latest is not null && Change(pair) is { } kind)
                changes.Add(new DigestChange(task, pair.Department, kind, pair.AtSince, latest));
        }

        var departmentRows = departments.Select(kv => kv.Value.ToDepartmentRow(kv.Key)).ToList();
        departmentRows.Sort(DigestDepartmentRow.WorstFirst);
        var notReported = departments
            .Where(kv => kv.Value.Missing.Count > 0)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new DigestNotReported(kv.Key, kv.Value.Missing, kv.Value.Submitted == 0))
            .ToList();
        changes.Sort(static (a, b) =>
        {
            var c = a.After.SubmittedAt.CompareTo(b.After.SubmittedAt);
            if (c != 0) return c;
            c = a.TaskNumber.CompareTo(b.TaskNumber);
            return c != 0 ? c : string.CompareOrdinal(a.Department, b.Department);
        });

        return new Digest(
            period, window, now, since, filter,
            totals.ToTotals(),
            departmentRows,
            filter.OverdueOnly ? rows.Where(r => r.IsRed).ToList() : rows,
            behind,
            notReported,
            overdueRows,
            changes);
    }

    /// <summary>
    /// How the report changed since the last digest: new if it had no revision then, else by status,
    /// else by answers; null if its latest answers equal those in force then (resubmitted unchanged).
    /// </summary>
    private static DigestChangeKind? Change(Pair pair) =>
        pair.AtSince is not { } before ? DigestChangeKind.New
        : before.Content.Status != pair.Latest!.Content.Status ? DigestChangeKind.StatusChanged
        : !before.Content.SameAs(pair.Latest.Content) ? DigestChangeKind.Edited
        : null;

    /// <summary>Whether <paramref name="candidate"/> supersedes <paramref name="current"/>: a higher revision number (a tie goes to the later in the input).</summary>
    private static bool IsLater(ReportRevision candidate, ReportRevision? current) =>
        current is null || candidate.Revision >= current.Revision;

    private static Pair? Find(IReadOnlyList<Pair> pairs, string department)
    {
        for (var i = 0; i < pairs.Count; i++)
            if (string.Equals(pairs[i].Department, department, StringComparison.Ordinal)) return pairs[i];
        return null;
    }

    /// <summary>A task's expected reports, and whether its due year has passed (only then do old statuses matter).</summary>
    private sealed class TaskEntry(Pair[] pairs, bool mayBeOverdue)
    {
        public Pair[] Pairs { get; } = pairs;
        public bool MayBeOverdue { get; } = mayBeOverdue;
    }

    /// <summary>One expected report and the revisions found for it.</summary>
    private sealed class Pair(PlanTask task, string department)
    {
        public PlanTask Task { get; } = task;
        public string Department { get; } = department;
        /// <summary>Latest revision of the period.</summary>
        public ReportRevision? Latest;
        /// <summary>Latest revision of the previous period.</summary>
        public ReportRevision? Previous;
        /// <summary>Latest revision of the period submitted at or before the last digest.</summary>
        public ReportRevision? AtSince;
        /// <summary>A revision was submitted after the last digest.</summary>
        public bool ChangedSince;
        /// <summary>A report of this department, of any period, marked the task 已完成 (tracked only if its due year has passed).</summary>
        public bool Completed;
    }

    /// <summary>Counts over a set of rows: the whole digest or one department.</summary>
    private sealed class Tally
    {
        private readonly int[] _statuses = new int[4];
        private readonly int[] _reportingLights = new int[3];
        private readonly int[] _progressLights = new int[3];
        private int _expected;
        private int _copied;
        private int _overdue;
        private TrafficLight _worstReporting = TrafficLight.Green;
        private TrafficLight _worstProgress = TrafficLight.Green;

        public int Submitted { get; private set; }
        public List<int> Missing { get; } = [];

        public void Add(DigestTaskRow row)
        {
            _expected++;
            _reportingLights[(int)row.ReportingLight]++;
            _progressLights[(int)row.ProgressLight]++;
            _worstReporting = TrafficLightRule.Worst(_worstReporting, row.ReportingLight);
            _worstProgress = TrafficLightRule.Worst(_worstProgress, row.ProgressLight);
            if (row.CopiedFromPrevious) _copied++;
            if (row.OverdueAgainstPlan) _overdue++;
            if (row.Status is { } status)
            {
                Submitted++;
                _statuses[(int)status]++;
            }
            else
            {
                Missing.Add(row.TaskNumber);
            }
        }

        private StatusBreakdown Statuses => new(
            _statuses[(int)ReportStatus.Completed], _statuses[(int)ReportStatus.OnTrack],
            _statuses[(int)ReportStatus.Behind], _statuses[(int)ReportStatus.NotStarted], _expected - Submitted);

        private static LightCounts Counts(int[] lights) => new(
            lights[(int)TrafficLight.Red], lights[(int)TrafficLight.Yellow], lights[(int)TrafficLight.Green]);

        public DigestTotals ToTotals() =>
            new(_expected, Submitted, Statuses, Counts(_reportingLights), Counts(_progressLights), _copied, _overdue);

        public DigestDepartmentRow ToDepartmentRow(string department) =>
            new(department, _expected, Submitted, _worstReporting, _worstProgress, Statuses,
                Counts(_reportingLights), Counts(_progressLights), _copied, _overdue);
    }
}
