using System.Text;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Downloads;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 任务 &lt;n&gt;: the task, its departments and roles, and (for registered users) each lead department's latest
/// revision of each of the last <see cref="HistoryQuarters"/> quarters, with how many came before it: a phone
/// screen holds a year of it, and its cost stays the same however many revisions a quarter or the plan holds.
/// Every revision is in the ledger (导出).
/// </summary>
public sealed class TaskCommand(IPlanRepository plans, IReportRepository reports, TextFormat format, ReportingCalendar calendar,
    ReportingPeriods periods, TimeProvider time) : IChatCommand
{
    private const int NoteLength = 80;
    private const int HistoryQuarters = 4;

    public string Id => CommandIds.Task;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var m = turn.Messages;
        if (plans.ReadLabel(argument) is not { } label)
        {
            await turn.SayAsync(MessageKeys.TaskInfo.Usage, cancellationToken);
            return;
        }
        var task = plans.FindByLabel(label);
        if (task is null)
        {
            await turn.SayAsync(MessageKeys.Report.TaskNotFound, cancellationToken, label);
            return;
        }
        var number = task.Number;

        var text = new StringBuilder(m.Format(MessageKeys.TaskInfo.Header, task.Label, task.Text));
        // The category heading tells which part of the plan a task serves, in one line.
        if (task.Section is { } section) text.Append('\n').Append(m.Format(MessageKeys.TaskInfo.Section, section));
        text.Append('\n').Append(m.Format(MessageKeys.TaskInfo.Lead, format.List(task.LeadDepartments)));
        if (task.SupportDepartments.Any()) text.Append('\n').Append(m.Format(MessageKeys.TaskInfo.Support, format.List(task.SupportDepartments)));
        text.Append('\n').Append(m.Format(MessageKeys.TaskInfo.Schedule, task.Schedule.IsEmpty ? m[MessageKeys.Report.PlanDeadlineNone] : task.Schedule.Text));

        // Reports are the departments' internal work: only registered contacts and the office see them.
        if (turn.Contact is { } contact)
        {
            var quarters = Quarters(periods.Current()).ToList();
            // The latest revisions come from the store's per-report summaries of each quarter, never from the revisions.
            var latest = (from q in quarters
                          let period = reports.LatestForPeriod(q)
                          from d in task.LeadDepartments.Distinct()
                          select period.FirstOrDefault(r => r.Key.TaskNumber == number && r.Key.Department == d)).OfType<ReportRevision>().ToList();
            var notes = reports.NotesForTask(number).Where(n => quarters.Contains(n.Period)).ToList();
            if (PlanDeadlineRule.IsOverdueAgainstPlan(task.Schedule, reports.Completions(number).Select(r => r.Content.Status), calendar, time.GetUtcNow()))
                text.Append('\n').Append(m[MessageKeys.TaskInfo.Overdue]);
            text.Append('\n').Append(latest.Count + notes.Count == 0
                ? m.Format(MessageKeys.TaskInfo.HistoryNone, HistoryQuarters)
                : m.Format(MessageKeys.TaskInfo.HistoryHeader, HistoryQuarters));
            var returned = ReportReturn.InForce(reports.ReturnsForTask(number), latest.ToDictionary(r => r.Key));
            foreach (var r in latest)
            {
                text.Append('\n').Append(m.Format(MessageKeys.TaskInfo.HistoryLine,
                    format.Period(r.Key.Period), r.Key.Department, format.Status(r.Content.Status),
                    r.Revision, format.LocalDate(r.SubmittedAt), r.Late ? m[MessageKeys.TaskInfo.HistoryLate] : ""));
                if (returned.TryGetValue(r.Key, out var sentBack))
                    text.Append('\n').Append(m.Format(MessageKeys.TaskInfo.ReturnedLine, format.LocalDate(sentBack.ReturnedAt), m.Shorten(sentBack.Reason, NoteLength)));
                // Revisions are numbered from 1 without gaps, so the latest's number tells how many came before it.
                if (r.Revision > 1)
                    text.Append('\n').Append(DownloadService.Entitled(contact, [r.Key.Department])
                        ? m.Format(MessageKeys.TaskInfo.EarlierRevisions, r.Revision - 1, r.Key.Period)
                        : m.Format(MessageKeys.TaskInfo.EarlierRevisionsCount, r.Revision - 1));
            }
            foreach (var n in notes.OrderByDescending(n => n.Period).ThenByDescending(n => n.SubmittedAt))
                text.Append('\n').Append(m.Format(MessageKeys.TaskInfo.NoteLine,
                    format.Period(n.Period), n.Department, m.Shorten(n.Text, NoteLength), format.LocalDate(n.SubmittedAt)));
        }
        await turn.SayTextAsync(text.ToString(), cancellationToken);
    }

    /// <summary>The current quarter and the ones before it, newest first.</summary>
    private static IEnumerable<Quarter> Quarters(Quarter current)
    {
        for (var (q, i) = (current, 0); i < HistoryQuarters; q = q.Previous(), i++) yield return q;
    }
}
