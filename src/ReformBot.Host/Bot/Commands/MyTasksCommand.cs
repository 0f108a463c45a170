using System.Text;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Bot.Commands;

/// <summary>我的任务: per department of the contact, its lead tasks with this period's status, and the tasks it supports.</summary>
public sealed class MyTasksCommand(IPlanRepository plans, IReportRepository reports, ReportingPeriods periods, TextFormat format) : IChatCommand
{
    private const int TaskTextLength = 40;

    public string Id => CommandIds.MyTasks;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var contact = turn.RegisteredContact;
        if (contact.Departments.Count == 0)
        {
            await turn.SayAsync(MessageKeys.Report.NoDepartment, cancellationToken);
            return;
        }
        var m = turn.Messages;
        var period = periods.Current();
        var latest = PendingReports.Latest(reports.LatestForPeriod(period, contact.Departments));
        var tasks = plans.Tasks();

        var text = new StringBuilder();
        foreach (var department in contact.Departments)
        {
            var lead = tasks.Where(t => t.LeadDepartments.Contains(department)).ToList();
            var support = tasks.Where(t => t.SupportDepartments.Contains(department)).ToList();
            var reported = lead.Count(t => latest.ContainsKey(new ReportKey(t.Number, department, period)));

            if (text.Length > 0) text.Append("\n\n");
            text.Append(m.Format(MessageKeys.MyTasks.Header, department, format.Period(period)));
            text.Append('\n').Append(m.Format(MessageKeys.MyTasks.LeadHeader, lead.Count, reported));
            foreach (var task in lead)
            {
                var status = latest.TryGetValue(new ReportKey(task.Number, department, period), out var r)
                    ? format.Status(r.Content.Status)
                    : m[MessageKeys.MyTasks.NotReported];
                text.Append('\n').Append(m.Format(MessageKeys.MyTasks.LeadLine, task.Number, status, m.Shorten(task.Text, TaskTextLength)));
            }
            if (support.Count > 0)
            {
                text.Append('\n').Append(m.Format(MessageKeys.MyTasks.SupportHeader, support.Count));
                foreach (var task in support)
                    text.Append('\n').Append(m.Format(MessageKeys.MyTasks.SupportLine, task.Number, format.List(task.LeadDepartments), m.Shorten(task.Text, TaskTextLength)));
            }
        }
        text.Append("\n\n").Append(m[MessageKeys.MyTasks.Footer]);
        await turn.SayTextAsync(text.ToString(), cancellationToken);
    }
}
