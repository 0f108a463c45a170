using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Ledger;

/// <summary>
/// The ledger (台账) of a period as an .xlsx, for a leaders' meeting: 汇总 (the numbers per lead
/// department, worst first, and a total row), 任务 (every task with its lead department's latest answer
/// of the period, both lights, overdue against the plan, copied from last quarter, evidence, the supporting departments'
/// notes), 汇报记录 (every revision and supporting note of the period with who, when and all fields, oldest first) and 说明 (what the lights and the
/// columns mean). Each sheet opens with a title row (plan, sheet, period, scope, when it was made); people
/// are named, never shown by their ids. Sheet names, headers and notes come from the message catalog;
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
            .ToDictionary(id => id, SubmitterName, StringComparer.Ordinal);
        return new LedgerContent(period, departments, parts[0].Now, departmentRows, tasks, revisions, names, notes);
    }

    /// <summary>A submitter as people read it: the contact's name, or a word for one who left none or was removed.</summary>
    private string SubmitterName(string contactId) => contacts.Find(contactId) switch
    {
        null => messages[MessageKeys.Ledger.RemovedContact],
        { Name: var name } when string.IsNullOrWhiteSpace(name) => messages[MessageKeys.Contacts.Unnamed],
        { Name: var name } => name.Trim(),
    };

    /// <summary>The ledger's file name: 重点任务台账-2026Q4.xlsx, or with the departments for a part.</summary>
    public string FileName(Quarter period, IReadOnlyList<string>? departments) => departments is null
        ? messages.Format(MessageKeys.Ledger.FileName, period.ToString())
        : messages.Format(MessageKeys.Ledger.FileNameDepartments, period.ToString(), format.List(departments));

    public byte[] ToBytes(LedgerContent ledger) => Workbook.ToBytes(Sheets(ledger));

    /// <summary>The task as people number it: a number where the plan numbers 1, 2, 3 (Excel sorts it so), else text (3.2).</summary>
    private SheetCell TaskCell(int number) =>
        format.Task(number) is var label && int.TryParse(label, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var plain)
            ? new(plain)
            : new(label);

    public void Write(LedgerContent ledger, Stream stream) => Workbook.Write(stream, Sheets(ledger));

    internal IReadOnlyList<Sheet> Sheets(LedgerContent ledger)
    {
        List<Sheet> sheets = [Summary(ledger), Tasks(ledger), Revisions(ledger)];
        sheets.Add(About(sheets));
        var local = format.Local(ledger.GeneratedAt);
        var scope = ledger.Scope is null ? messages[MessageKeys.Export.ScopeAll] : format.List(ledger.Scope);
        var offset = (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
        return sheets.Select(sheet => sheet with
        {
            Title = messages.Format(MessageKeys.Ledger.Title, messages[MessageKeys.Ledger.PlanTitle], sheet.Name, format.Period(ledger.Period), scope,
                format.LocalTime(ledger.GeneratedAt), offset),
            Footer = messages[MessageKeys.Ledger.Footer],
        }).ToList();
    }

    private Sheet Summary(LedgerContent ledger)
    {
        var m = messages;
        var columns = new List<SheetColumn>
        {
            new(m[MessageKeys.Ledger.ColDepartment], 30), new(m[MessageKeys.Ledger.ColReportingLight], 8), new(m[MessageKeys.Ledger.ColProgressLight], 8),
            new(m[MessageKeys.Ledger.ColExpected], 8), new(m[MessageKeys.Ledger.ColSubmitted], 8),
            new(m[MessageKeys.Ledger.ColRate], 9),
            new(format.Status(ReportStatus.Completed), 9), new(format.Status(ReportStatus.OnTrack), 12),
            new(format.Status(ReportStatus.Behind), 8), new(format.Status(ReportStatus.NotStarted), 9),
            new(m[MessageKeys.Ledger.ColNotSubmitted], 9), new(m[MessageKeys.Ledger.ColReportingRed], 10), new(m[MessageKeys.Ledger.ColReportingYellow], 10),
            new(m[MessageKeys.Ledger.ColProgressRed], 10), new(m[MessageKeys.Ledger.ColProgressYellow], 10),
            new(m[MessageKeys.Ledger.ColCopied], 12), new(m[MessageKeys.Ledger.ColOverdue], 12),
        };
        var rows = ledger.Departments.Select(d => SummaryRow(
            new SheetCell(d.Department), LightCell(d.ReportingLight), LightCell(d.ProgressLight), d.Expected, d.Submitted, d.Statuses,
            d.ReportingLights, d.ProgressLights, d.Copied, d.OverdueAgainstPlan, bold: false)).ToList();
        var all = ledger.Departments;
        rows.Add(SummaryRow(new SheetCell(m[MessageKeys.Ledger.Total], CellLook.Bold), new SheetCell(null), new SheetCell(null),
            all.Sum(d => d.Expected), all.Sum(d => d.Submitted),
            new StatusBreakdown(all.Sum(d => d.Statuses.Completed), all.Sum(d => d.Statuses.OnTrack), all.Sum(d => d.Statuses.Behind),
                all.Sum(d => d.Statuses.NotStarted), all.Sum(d => d.Statuses.NotSubmitted)),
            new LightCounts(all.Sum(d => d.ReportingLights.Red), all.Sum(d => d.ReportingLights.Yellow), all.Sum(d => d.ReportingLights.Green)),
            new LightCounts(all.Sum(d => d.ProgressLights.Red), all.Sum(d => d.ProgressLights.Yellow), all.Sum(d => d.ProgressLights.Green)),
            all.Sum(d => d.Copied), all.Sum(d => d.OverdueAgainstPlan), bold: true));
        return new Sheet(m[MessageKeys.Ledger.SheetSummary], columns, rows);
    }

    private static List<SheetCell> SummaryRow(SheetCell name, SheetCell reportingLight, SheetCell progressLight, int expected, int submitted,
        StatusBreakdown s, LightCounts reporting, LightCounts progress, int copied, int overdue, bool bold)
    {
        var look = bold ? CellLook.Bold : CellLook.Plain;
        SheetCell N(int value) => new(value, look);
        var rate = expected == 0 ? 1.0 : (double)submitted / expected;
        return
        [
            name, reportingLight, progressLight, N(expected), N(submitted), new(rate, bold ? CellLook.BoldPercent : CellLook.Percent),
            N(s.Completed), N(s.OnTrack), N(s.Behind), N(s.NotStarted), N(s.NotSubmitted),
            N(reporting.Red), N(reporting.Yellow), N(progress.Red), N(progress.Yellow),
            N(copied), N(overdue),
        ];
    }

    private Sheet Tasks(LedgerContent ledger)
    {
        var m = messages;
        var columns = new List<SheetColumn>
        {
            new(m[MessageKeys.Ledger.ColNumber], 8), new(m[MessageKeys.Ledger.ColText], 60), new(m[MessageKeys.Ledger.ColLeadDepartment], 24), new(m[MessageKeys.Ledger.ColPeriodStatus], 12),
            new(m[MessageKeys.Ledger.ColPercent], 11), new(m[MessageKeys.Ledger.ColReportingLight], 8), new(m[MessageKeys.Ledger.ColProgressLight], 8),
            new(m[MessageKeys.Ledger.ColOverdue], 12), new(m[MessageKeys.Ledger.ColCopied], 12),
            new(m[MessageKeys.Ledger.ColSchedule], 20), new(m[MessageKeys.Ledger.ColRevision], 6), new(m[MessageKeys.Ledger.ColSubmittedAt], 20),
            new(m[MessageKeys.Ledger.ColProgress], 50), new(m[MessageKeys.Ledger.ColProblems], 40), new(m[MessageKeys.Ledger.ColNextSteps], 40),
            new(m[MessageKeys.Ledger.ColEvidence], 40),
            new(m[MessageKeys.Ledger.ColSupportNotes], 50),
        };
        var rows = ledger.Tasks.Select(r =>
        {
            var latest = r.Latest;
            return (IReadOnlyList<SheetCell>)
            [
                TaskCell(r.TaskNumber), new(r.Task.Text, CellLook.Wrapped), new(r.Department),
                new(r.Returned is { } sentBack ? m.Format(MessageKeys.ReturnReport.Returned, sentBack.Reason) : Status(r.Status), CellLook.Wrapped),
                new(latest?.Content.Percent), LightCell(r.ReportingLight), LightCell(r.ProgressLight), new(YesNo(r.OverdueAgainstPlan)), new(YesNo(r.CopiedFromPrevious)),
                new(r.Task.Schedule.IsEmpty ? null : r.Task.Schedule.Text), new(latest?.Revision),
                new(latest is null ? null : Local(latest.SubmittedAt), CellLook.DateTime),
                new(latest?.Content.Progress, CellLook.Wrapped), new(latest?.Content.Problems, CellLook.Wrapped),
                new(latest?.Content.NextSteps, CellLook.Wrapped), Evidence(latest?.Content),
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
            new(m[MessageKeys.Ledger.ColEvidence], 40), new(m[MessageKeys.Ledger.ColSubmitter], 12),
            new(m[MessageKeys.Ledger.ColSubmittedAt], 20), new(m[MessageKeys.Ledger.ColLate], 9),
        };
        var rows = ledger.Revisions.Select(r =>
        {
            var c = r.Content;
            return (At: r.SubmittedAt, Cells: (IReadOnlyList<SheetCell>)
            [
                TaskCell(r.Key.TaskNumber), new(r.Key.Department), new(r.Revision), new(Status(c.Status)),
                new(c.Progress, CellLook.Wrapped), new(c.Problems, CellLook.Wrapped), new(c.NextSteps, CellLook.Wrapped), new(c.Percent),
                Evidence(c), new(ledger.SubmitterNames[r.SubmittedBy]),
                new(Local(r.SubmittedAt), CellLook.DateTime), new(YesNo(r.Late)),
            ]);
        }).Concat(ledger.Notes.Select(n => (At: n.SubmittedAt, Cells: (IReadOnlyList<SheetCell>)
            [
                // A supporting note: marked in 状态, its text in 进展情况.
                TaskCell(n.TaskNumber), new(n.Department), new(null), new(m[MessageKeys.Ledger.SupportNoteStatus]),
                new(n.Text, CellLook.Wrapped), new(null), new(null), new(null), new(null),
                new(ledger.SubmitterNames[n.SubmittedBy]),
                new(Local(n.SubmittedAt), CellLook.DateTime), new(null),
            ]))).OrderBy(r => r.At).Select(r => r.Cells).ToList();
        return new Sheet(m[MessageKeys.Ledger.SheetRevisions], columns, rows);
    }

    /// <summary>The evidence links, one per line.</summary>
    private static SheetCell Evidence(ReportContent? content) =>
        new(content is null || content.Evidence.Count == 0 ? null : string.Join("\n", content.Evidence), CellLook.Wrapped);

    /// <summary>
    /// 说明: the two lights, then each sheet and its columns, taken from the sheets as written, so every
    /// column is listed (one without a note shows an empty 说明, which a test catches).
    /// </summary>
    private Sheet About(IReadOnlyList<Sheet> sheets)
    {
        var m = messages;
        var columns = new List<SheetColumn>
        {
            new(m[MessageKeys.Ledger.AboutColCategory], 14), new(m[MessageKeys.Ledger.AboutColName], 18), new(m[MessageKeys.Ledger.AboutColMeaning], 90),
        };
        var days = DigestOptions.Default.DueSoonDays;
        var rows = new List<IReadOnlyList<SheetCell>>();
        void Light(string name, string meaning, string red, string yellow, string green)
        {
            rows.Add([new(m[name], CellLook.Bold), new(null), new(m[meaning], CellLook.Wrapped)]);
            rows.Add([new(m[name]), LightCell(TrafficLight.Red), new(m.Format(red, days), CellLook.Wrapped)]);
            rows.Add([new(m[name]), LightCell(TrafficLight.Yellow), new(m.Format(yellow, days), CellLook.Wrapped)]);
            rows.Add([new(m[name]), LightCell(TrafficLight.Green), new(m.Format(green, days), CellLook.Wrapped)]);
        }
        Light(MessageKeys.Ledger.AboutReportingLight, MessageKeys.Ledger.AboutReportingMeaning,
            MessageKeys.Ledger.AboutReportingRed, MessageKeys.Ledger.AboutReportingYellow, MessageKeys.Ledger.AboutReportingGreen);
        Light(MessageKeys.Ledger.AboutProgressLight, MessageKeys.Ledger.AboutProgressMeaning,
            MessageKeys.Ledger.AboutProgressRed, MessageKeys.Ledger.AboutProgressYellow, MessageKeys.Ledger.AboutProgressGreen);
        rows.Add([new(m[MessageKeys.Ledger.AboutDepartmentLight], CellLook.Bold), new(null), new(m[MessageKeys.Ledger.AboutDepartmentLightMeaning], CellLook.Wrapped)]);

        var sheetNotes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [m[MessageKeys.Ledger.SheetSummary]] = m[MessageKeys.Ledger.AboutSummary],
            [m[MessageKeys.Ledger.SheetTasks]] = m[MessageKeys.Ledger.AboutTasks],
            [m[MessageKeys.Ledger.SheetRevisions]] = m[MessageKeys.Ledger.AboutRevisions],
        };
        var notes = ColumnNotes();
        foreach (var sheet in sheets)
        {
            rows.Add([new(sheet.Name, CellLook.Bold), new(m[MessageKeys.Ledger.AboutThisSheet]), new(sheetNotes.GetValueOrDefault(sheet.Name), CellLook.Wrapped)]);
            foreach (var column in sheet.Columns)
                rows.Add([new(sheet.Name), new(column.Header), new(notes.GetValueOrDefault(column.Header), CellLook.Wrapped)]);
        }
        return new Sheet(m[MessageKeys.Ledger.SheetAbout], columns, rows);
    }

    /// <summary>What each column header means; one note per header, whichever sheet it is on.</summary>
    private Dictionary<string, string> ColumnNotes()
    {
        var m = messages;
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (header, note) in new[]
        {
            (MessageKeys.Ledger.ColDepartment, MessageKeys.Ledger.NoteDepartment), (MessageKeys.Ledger.ColLeadDepartment, MessageKeys.Ledger.NoteLeadDepartment),
            (MessageKeys.Ledger.ColReportingLight, MessageKeys.Ledger.NoteReportingLight), (MessageKeys.Ledger.ColProgressLight, MessageKeys.Ledger.NoteProgressLight),
            (MessageKeys.Ledger.ColExpected, MessageKeys.Ledger.NoteExpected),
            (MessageKeys.Ledger.ColSubmitted, MessageKeys.Ledger.NoteSubmitted), (MessageKeys.Ledger.ColRate, MessageKeys.Ledger.NoteRate),
            (MessageKeys.Ledger.ColNotSubmitted, MessageKeys.Ledger.NoteNotSubmitted), (MessageKeys.Ledger.ColCopied, MessageKeys.Ledger.NoteCopied),
            (MessageKeys.Ledger.ColOverdue, MessageKeys.Ledger.NoteOverdue), (MessageKeys.Ledger.ColNumber, MessageKeys.Ledger.NoteNumber),
            (MessageKeys.Ledger.ColText, MessageKeys.Ledger.NoteText), (MessageKeys.Ledger.ColSchedule, MessageKeys.Ledger.NoteSchedule),
            (MessageKeys.Ledger.ColPeriodStatus, MessageKeys.Ledger.NotePeriodStatus), (MessageKeys.Ledger.ColStatus, MessageKeys.Ledger.NoteStatus),
            (MessageKeys.Ledger.ColPercent, MessageKeys.Ledger.NotePercent), (MessageKeys.Ledger.ColRevision, MessageKeys.Ledger.NoteRevision),
            (MessageKeys.Ledger.ColProgress, MessageKeys.Ledger.NoteProgress), (MessageKeys.Ledger.ColProblems, MessageKeys.Ledger.NoteProblems),
            (MessageKeys.Ledger.ColNextSteps, MessageKeys.Ledger.NoteNextSteps), (MessageKeys.Ledger.ColEvidence, MessageKeys.Ledger.NoteEvidence),
            (MessageKeys.Ledger.ColSupportNotes, MessageKeys.Ledger.NoteSupportNotes),
            (MessageKeys.Ledger.ColSubmitter, MessageKeys.Ledger.NoteSubmitter), (MessageKeys.Ledger.ColSubmittedAt, MessageKeys.Ledger.NoteSubmittedAt),
            (MessageKeys.Ledger.ColLate, MessageKeys.Ledger.NoteLate),
        })
            notes[m[header]] = m[note];
        foreach (var status in Enum.GetValues<ReportStatus>())
            notes[format.Status(status)] = m.Format(MessageKeys.Ledger.NoteStatusCount, format.Status(status));
        foreach (var (header, lightName, light) in new[]
        {
            (MessageKeys.Ledger.ColReportingRed, MessageKeys.Ledger.ColReportingLight, TrafficLight.Red), (MessageKeys.Ledger.ColReportingYellow, MessageKeys.Ledger.ColReportingLight, TrafficLight.Yellow),
            (MessageKeys.Ledger.ColProgressRed, MessageKeys.Ledger.ColProgressLight, TrafficLight.Red), (MessageKeys.Ledger.ColProgressYellow, MessageKeys.Ledger.ColProgressLight, TrafficLight.Yellow),
        })
            notes[m[header]] = m.Format(MessageKeys.Ledger.NoteLightCount, m[lightName], m[MessageKeys.Ledger.LightPrefix + light]);
        return notes;
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
/// <param name="SubmitterNames">Submitters of revisions and notes as people read them, by contact id (a removed contact has a word for it).</param>
/// <param name="Notes">The supporting departments' notes of the period, every one, oldest first.</param>
public sealed record LedgerContent(
    Quarter Period, IReadOnlyList<string>? Scope, DateTimeOffset GeneratedAt, IReadOnlyList<DigestDepartmentRow> Departments,
    IReadOnlyList<DigestTaskRow> Tasks, IReadOnlyList<ReportRevision> Revisions, IReadOnlyDictionary<string, string> SubmitterNames,
    IReadOnlyList<ReportNote> Notes);
