using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Ledger;

/// <summary>
/// The ledger (台账) of a period as an .xlsx: 汇总 (the numbers per lead department, worst first, and a
/// total row), 任务 (every task with its lead department's latest answer of the period, light,
/// overdue against the plan, copied from last quarter, the supporting departments' notes) and 汇报记录
/// (every revision and supporting note of the period with who, when and all fields, oldest first).
/// Sheet names and headers come from the message catalog;
/// texts are written exactly as typed.
/// </summary>
public sealed class LedgerService(DigestService digests, IReportRepository reports, IContactRepository contacts, MessageCatalog messages, TextFormat format)
{
    /// <param name="departments">Only these lead departments (a contact's own); null for the whole plan (the office).</param>
    /// <exception cref="ArgumentException">An empty list of departments.</exception>
    public LedgerContent Build(Quarter period, IReadOnlyList<string>? departments)
    {
        if (departments is { Count: 0 }) throw new ArgumentException("A ledger limited to departments needs at least one.", nameof(departments));
        List<Digest> parts = departments is null
            ? [digests.Compute(period)]
            : departments.Distinct(StringComparer.Ordinal).Select(d => digests.Compute(period, new DigestFilter(d))).ToList();

        var departmentRows = parts.SelectMany(d => d.Departments).ToList();
        departmentRows.Sort(DigestDepartmentRow.WorstFirst);
        var tasks = parts.SelectMany(d => d.Tasks)
            .OrderBy(r => r.TaskNumber)
            .ThenBy(r => IndexOf(r.Task, r.Department))
            .ToList();
        var scope = departments?.ToHashSet(StringComparer.Ordinal);
        var revisions = reports.ForPeriod(period).Where(r => scope is null || scope.Contains(r.Key.Department)).ToList();
        // A department's own ledger has the notes it wrote and the notes on the tasks it leads.
        var ledTasks = tasks.Select(r => r.TaskNumber).ToHashSet();
        var notes = reports.NotesForPeriod(period).Where(n => scope is null || scope.Contains(n.Department) || ledTasks.Contains(n.TaskNumber)).ToList();
        var names = revisions.Select(r => r.SubmittedBy).Concat(notes.Select(n => n.SubmittedBy)).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => contacts.Find(id)?.Name, StringComparer.Ordinal);
        return new LedgerContent(period, departments, parts[0].Now, departmentRows, tasks, revisions, names, notes);
    }

    /// <summary>The ledger's file name: 重点任务台账-2026Q4.xlsx, or with the departments for a part.</summary>
    public string FileName(Quarter period, IReadOnlyList<string>? departments) => departments is null
        ? messages.Format(MessageKeys.Ledger.FileName, period.ToString())
        : messages.Format(MessageKeys.Ledger.FileNameDepartments, period.ToString(), format.List(departments));

    public byte[] ToBytes(LedgerContent ledger) => Workbook.ToBytes(Sheets(ledger));

    public void Write(LedgerContent ledger, Stream stream) => Workbook.Write(stream, Sheets(ledger));

    internal IReadOnlyList<Sheet> Sheets(LedgerContent ledger) => [Summary(ledger), Tasks(ledger), Revisions(ledger)];

    private Sheet Summary(LedgerContent ledger)
    {
        var m = messages;
        var columns = new List<SheetColumn>
        {
            new(m[MessageKeys.Ledger.ColDepartment], 30), new(m[MessageKeys.Ledger.ColLight], 10), new(m[MessageKeys.Ledger.ColExpected], 8), new(m[MessageKeys.Ledger.ColSubmitted], 8),
            new(m[MessageKeys.Ledger.ColRate], 9),
            new(format.Status(ReportStatus.Completed), 9), new(format.Status(ReportStatus.OnTrack), 12),
            new(format.Status(ReportStatus.Behind), 8), new(format.Status(ReportStatus.NotStarted), 9),
            new(m[MessageKeys.Ledger.ColNotSubmitted], 9), new(m[MessageKeys.Ledger.ColRed], 8), new(m[MessageKeys.Ledger.ColYellow], 8), new(m[MessageKeys.Ledger.ColGreen], 8),
            new(m[MessageKeys.Ledger.ColCopied], 12), new(m[MessageKeys.Ledger.ColOverdue], 12),
        };
        var rows = ledger.Departments.Select(d => SummaryRow(
            new SheetCell(d.Department), LightCell(d.Light), d.Expected, d.Submitted, d.Statuses, d.Lights, d.Copied, d.OverdueAgainstPlan, bold: false)).ToList();
        var all = ledger.Departments;
        rows.Add(SummaryRow(new SheetCell(m[MessageKeys.Ledger.Total], CellLook.Bold), new SheetCell(null),
            all.Sum(d => d.Expected), all.Sum(d => d.Submitted),
            new StatusBreakdown(all.Sum(d => d.Statuses.Completed), all.Sum(d => d.Statuses.OnTrack), all.Sum(d => d.Statuses.Behind),
                all.Sum(d => d.Statuses.NotStarted), all.Sum(d => d.Statuses.NotSubmitted)),
            new LightCounts(all.Sum(d => d.Lights.Red), all.Sum(d => d.Lights.Yellow), all.Sum(d => d.Lights.Green)),
            all.Sum(d => d.Copied), all.Sum(d => d.OverdueAgainstPlan), bold: true));
        return new Sheet(m[MessageKeys.Ledger.SheetSummary], columns, rows);
    }

    private static List<SheetCell> SummaryRow(SheetCell name, SheetCell light, int expected, int submitted, StatusBreakdown s, LightCounts l,
        int copied, int overdue, bool bold)
    {
        var look = bold ? CellLook.Bold : CellLook.Plain;
        SheetCell N(int value) => new(value, look);
        var rate = expected == 0 ? 1.0 : (double)submitted / expected;
        return
        [
            name, light, N(expected), N(submitted), new(rate, bold ? CellLook.BoldPercent : CellLook.Percent),
            N(s.Completed), N(s.OnTrack), N(s.Behind), N(s.NotStarted), N(s.NotSubmitted), N(l.Red), N(l.Yellow), N(l.Green),
            N(copied), N(overdue),
        ];
    }

    private Sheet Tasks(LedgerContent ledger)
    {
        var m = messages;
        var columns = new List<SheetColumn>
        {
            new(m[MessageKeys.Ledger.ColNumber], 8), new(m[MessageKeys.Ledger.ColText], 60), new(m[MessageKeys.Ledger.ColLeadDepartment], 24), new(m[MessageKeys.Ledger.ColPeriodStatus], 12),
            new(m[MessageKeys.Ledger.ColPercent], 11), new(m[MessageKeys.Ledger.ColLight], 10), new(m[MessageKeys.Ledger.ColOverdue], 12), new(m[MessageKeys.Ledger.ColCopied], 12),
            new(m[MessageKeys.Ledger.ColSchedule], 20), new(m[MessageKeys.Ledger.ColRevision], 6), new(m[MessageKeys.Ledger.ColSubmittedAt], 20),
            new(m[MessageKeys.Ledger.ColProgress], 50), new(m[MessageKeys.Ledger.ColProblems], 40), new(m[MessageKeys.Ledger.ColNextSteps], 40),
            new(m[MessageKeys.Ledger.ColSupportNotes], 50),
        };
        var rows = ledger.Tasks.Select(r =>
        {
            var latest = r.Latest;
            return (IReadOnlyList<SheetCell>)
            [
                new(r.TaskNumber), new(r.Task.Text, CellLook.Wrapped), new(r.Department),
                new(r.Returned is { } sentBack ? m.Format(MessageKeys.ReturnReport.Returned, sentBack.Reason) : Status(r.Status), CellLook.Wrapped),
                new(latest?.Content.Percent), LightCell(r.Light), new(YesNo(r.OverdueAgainstPlan)), new(YesNo(r.CopiedFromPrevious)),
                new(r.Task.Schedule.IsEmpty ? null : r.Task.Schedule.Text), new(latest?.Revision),
                new(latest is null ? null : Local(latest.SubmittedAt), CellLook.DateTime),
                new(latest?.Content.Progress, CellLook.Wrapped), new(latest?.Content.Problems, CellLook.Wrapped),
                new(latest?.Content.NextSteps, CellLook.Wrapped),
                new(r.Notes.Count == 0 ? null : string.Join("\n", r.Notes.Select(n => m.Format(MessageKeys.Ledger.SupportNote, n.Department, n.Text))), CellLook.Wrapped),
            ];
        }).ToList();
        return new Sheet(m[MessageKeys.Ledger.SheetTasks], columns, rows);
    }

    private Sheet Revisions(LedgerContent ledger)
    {
        var m = messages;
        var columns = new List<SheetColumn>
        {
            new(m[MessageKeys.Ledger.ColNumber], 8), new(m[MessageKeys.Ledger.ColDepartment], 24), new(m[MessageKeys.Ledger.ColRevision], 6), new(m[MessageKeys.Ledger.ColStatus], 12),
            new(m[MessageKeys.Ledger.ColProgress], 50), new(m[MessageKeys.Ledger.ColProblems], 40), new(m[MessageKeys.Ledger.ColNextSteps], 40), new(m[MessageKeys.Ledger.ColPercent], 11),
            new(m[MessageKeys.Ledger.ColEvidence], 40), new(m[MessageKeys.Ledger.ColSubmitter], 12), new(m[MessageKeys.Ledger.ColSubmitterId], 24),
            new(m[MessageKeys.Ledger.ColSubmittedAt], 20), new(m[MessageKeys.Ledger.ColLate], 9),
        };
        var rows = ledger.Revisions.Select(r =>
        {
            var c = r.Content;
            return (At: r.SubmittedAt, Cells: (IReadOnlyList<SheetCell>)
            [
                new(r.Key.TaskNumber), new(r.Key.Department), new(r.Revision), new(Status(c.Status)),
                new(c.Progress, CellLook.Wrapped), new(c.Problems, CellLook.Wrapped), new(c.NextSteps, CellLook.Wrapped), new(c.Percent),
                new(c.Evidence.Count == 0 ? null : string.Join("\n", c.Evidence), CellLook.Wrapped),
                new(ledger.SubmitterNames.GetValueOrDefault(r.SubmittedBy)), new(r.SubmittedBy),
                new(Local(r.SubmittedAt), CellLook.DateTime), new(YesNo(r.Late)),
            ]);
        }).Concat(ledger.Notes.Select(n => (At: n.SubmittedAt, Cells: (IReadOnlyList<SheetCell>)
            [
                // A supporting note: marked in 状态, its text in 进展情况.
                new(n.TaskNumber), new(n.Department), new(null), new(m[MessageKeys.Ledger.NoteStatus]),
                new(n.Text, CellLook.Wrapped), new(null), new(null), new(null), new(null),
                new(ledger.SubmitterNames.GetValueOrDefault(n.SubmittedBy)), new(n.SubmittedBy),
                new(Local(n.SubmittedAt), CellLook.DateTime), new(null),
            ]))).OrderBy(r => r.At).Select(r => r.Cells).ToList();
        return new Sheet(m[MessageKeys.Ledger.SheetRevisions], columns, rows);
    }

    private SheetCell LightCell(TrafficLight light) => new(messages[MessageKeys.Ledger.LightPrefix + light], light switch
    {
        TrafficLight.Red => CellLook.Red,
        TrafficLight.Yellow => CellLook.Yellow,
        _ => CellLook.Green,
    });

    private string Status(ReportStatus? status) => status is { } s ? format.Status(s) : messages[MessageKeys.Ledger.ColNotSubmitted];

    private string YesNo(bool value) => messages[value ? MessageKeys.Ledger.Yes : MessageKeys.Ledger.No];

    /// <summary>Wall-clock time in the reporting zone, to the second, as Excel shows dates.</summary>
    private DateTime Local(DateTimeOffset instant)
    {
        var local = format.Local(instant).DateTime;
        return new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
    }

    private static int IndexOf(PlanTask task, string department)
    {
        for (var i = 0; i < task.Departments.Count; i++)
            if (string.Equals(task.Departments[i].Name, department, StringComparison.Ordinal)) return i;
        return int.MaxValue;
    }
}

/// <summary>What a ledger holds, before it is written.</summary>
/// <param name="Scope">The lead departments it is limited to; null for the whole plan.</param>
/// <param name="Departments">Rows of 汇总, worst first.</param>
/// <param name="SubmitterNames">Contact names by id (of revisions and notes); null for an id with no stored contact.</param>
/// <param name="Notes">The supporting departments' notes of the period, every one, oldest first.</param>
public sealed record LedgerContent(
    Quarter Period, IReadOnlyList<string>? Scope, DateTimeOffset GeneratedAt, IReadOnlyList<DigestDepartmentRow> Departments,
    IReadOnlyList<DigestTaskRow> Tasks, IReadOnlyList<ReportRevision> Revisions, IReadOnlyDictionary<string, string?> SubmitterNames,
    IReadOnlyList<ReportNote> Notes);
