using System.Text;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Bot.Commands;

/// <summary>逾期: tasks overdue against the plan (due year passed, never reported 已完成).</summary>
public sealed class OverdueCommand(IPlanRepository plans, IReportRepository reports, ReportingCalendar calendar, TimeProvider time) : IChatCommand
{
    private const int TaskTextLength = 40;

    public string Id => CommandIds.Overdue;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (turn.Contact is null)
        {
            await turn.SayAsync(ReportNotRegistered, cancellationToken);
            return;
        }
        var m = turn.Messages;
        var now = time.GetUtcNow();
        var overdue = plans.Tasks()
            .Where(t => PlanDeadlineRule.IsOverdueAgainstPlan(t.Schedule, reports.ForTask(t.Number).Select(r => r.Content.Status), calendar, now))
            .ToList();
        if (overdue.Count == 0)
        {
            await turn.SayAsync(OverdueNone, cancellationToken);
            return;
        }
        var text = new StringBuilder(m.Format(OverdueHeader, overdue.Count));
        foreach (var task in overdue)
        {
            text.Append('\n').Append(m.Format(OverdueLine, task.Number, task.Schedule.Text, string.Join("、", task.LeadDepartments), m.Shorten(task.Text, TaskTextLength)));
        }
        await turn.SayTextAsync(text.ToString(), cancellationToken);
    }
}
