using System.Text;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Bot.Reporting;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Bot.Commands;

/// <summary>任务 &lt;n&gt;: the task, its departments and roles, and (for registered users) its report history.</summary>
public sealed class TaskCommand(IPlanRepository plans, IReportRepository reports, ReportConversation reporting, ReportingCalendar calendar, TimeProvider time) : IChatCommand
{
    private const int NoteLength = 80;

    public string Id => CommandIds.Task;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var m = turn.Messages;
        if (!int.TryParse(argument, out var number))
        {
            await turn.SayAsync(TaskInfoUsage, cancellationToken);
            return;
        }
        var task = plans.FindTask(number);
        if (task is null)
        {
            await turn.SayAsync(ReportTaskNotFound, cancellationToken, number);
            return;
        }

        var text = new StringBuilder(m.Format(TaskInfoHeader, task.Number, task.Text));
        text.Append('\n').Append(m.Format(TaskInfoLead, string.Join("、", task.LeadDepartments)));
        if (task.SupportDepartments.Any()) text.Append('\n').Append(m.Format(TaskInfoSupport, string.Join("、", task.SupportDepartments)));
        text.Append('\n').Append(m.Format(TaskInfoSchedule, task.Schedule.IsEmpty ? m[ReportPlanDeadlineNone] : task.Schedule.Text));

        // Reports are the departments' internal work: only registered contacts and the office see them.
        if (turn.Contact is not null)
        {
            var history = reports.ForTask(number);
            var notes = reports.NotesForTask(number);
            if (PlanDeadlineRule.IsOverdueAgainstPlan(task.Schedule, history.Select(r => r.Content.Status), calendar, time.GetUtcNow()))
                text.Append('\n').Append(m[TaskInfoOverdue]);
            text.Append('\n').Append(history.Count + notes.Count == 0 ? m[TaskInfoHistoryNone] : m[TaskInfoHistoryHeader]);
            foreach (var r in history.OrderByDescending(r => r.Key.Period).ThenBy(r => r.Key.Department).ThenByDescending(r => r.Revision))
                text.Append('\n').Append(m.Format(TaskInfoHistoryLine,
                    reporting.PeriodText(r.Key.Period), r.Key.Department, reporting.StatusLabel(r.Content.Status),
                    r.Revision, LocalDate(r.SubmittedAt), r.Late ? m[TaskInfoHistoryLate] : ""));
            foreach (var n in notes.OrderByDescending(n => n.Period).ThenByDescending(n => n.SubmittedAt))
                text.Append('\n').Append(m.Format(TaskInfoNoteLine,
                    reporting.PeriodText(n.Period), n.Department, m.Shorten(n.Text, NoteLength), LocalDate(n.SubmittedAt)));
        }
        await turn.SayTextAsync(text.ToString(), cancellationToken);

        string LocalDate(DateTimeOffset at) => m.Format(FormatDate, calendar.LocalDate(at));
    }
}
