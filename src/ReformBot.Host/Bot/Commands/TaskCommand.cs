using System.Text;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Bot.Commands;

/// <summary>任务 &lt;n&gt;: the task, its departments and roles, and (for registered users) its report history.</summary>
public sealed class TaskCommand(IPlanRepository plans, IReportRepository reports, TextFormat format, ReportingCalendar calendar, TimeProvider time) : IChatCommand
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
        text.Append('\n').Append(m.Format(TaskInfoLead, format.List(task.LeadDepartments)));
        if (task.SupportDepartments.Any()) text.Append('\n').Append(m.Format(TaskInfoSupport, format.List(task.SupportDepartments)));
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
                    format.Period(r.Key.Period), r.Key.Department, format.Status(r.Content.Status),
                    r.Revision, format.LocalDate(r.SubmittedAt), r.Late ? m[TaskInfoHistoryLate] : ""));
            foreach (var n in notes.OrderByDescending(n => n.Period).ThenByDescending(n => n.SubmittedAt))
                text.Append('\n').Append(m.Format(TaskInfoNoteLine,
                    format.Period(n.Period), n.Department, m.Shorten(n.Text, NoteLength), format.LocalDate(n.SubmittedAt)));
        }
        await turn.SayTextAsync(text.ToString(), cancellationToken);
    }
}
