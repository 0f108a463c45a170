using System.Text;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 我的任务: per department of the contact, its lead tasks with this period's status (a report sent back
/// shows 已退回 with the reason until it is reported again), and the tasks it supports: the ones with a
/// note this period by number in one line, the ones without one each on a line.
/// </summary>
public sealed class MyTasksCommand(IPlanRepository plans, IReportRepository reports, ReportingPeriods periods, TextFormat format) : IChatCommand
{
    private const int TaskTextLength = 40;
    private const int ReasonLength = 20;
    /// <summary>Task numbers named at most in the line of written notes.</summary>
    private const int MaxNumbers = 10;

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
        var returned = ReportReturn.InForce(reports.ReturnsForPeriod(period), latest);
        var noted = reports.NotesForPeriod(period).Select(n => (n.TaskNumber, n.Department)).ToHashSet();
        var tasks = plans.Tasks();

        var text = new StringBuilder();
        foreach (var department in contact.Departments)
        {
            var lead = tasks.Where(t => t.LeadDepartments.Contains(department)).ToList();
            var support = tasks.Where(t => t.SupportDepartments.Contains(department)).ToList();
            var reported = lead.Count(t => latest.ContainsKey(new ReportKey(t.Number, department, period)) && !returned.ContainsKey(new ReportKey(t.Number, department, period)));

            if (text.Length > 0) text.Append("\n\n");
            text.Append(m.Format(MessageKeys.MyTasks.Header, department, format.Period(period)));
            // A department that only supports tasks has no lead part to show.
            if (lead.Count > 0) text.Append('\n').Append(m.Format(MessageKeys.MyTasks.LeadHeader, lead.Count, reported));
            foreach (var task in lead)
            {
                var key = new ReportKey(task.Number, department, period);
                var status = returned.TryGetValue(key, out var sentBack)
                    ? m.Format(MessageKeys.MyTasks.Returned, m.Shorten(sentBack.Reason.ReplaceLineEndings(" "), ReasonLength))
                    : latest.TryGetValue(key, out var r)
                    ? format.Status(r.Content.Status)
                    : m[MessageKeys.MyTasks.NotReported];
                text.Append('\n').Append(m.Format(MessageKeys.MyTasks.LeadLine, task.Label, status, m.Shorten(task.Text, TaskTextLength)));
            }
            if (support.Count > 0)
            {
                // On a phone: the written notes by number in the header, a line only for each note still to write.
                var written = support.Where(t => noted.Contains((t.Number, department))).Select(t => t.Label).ToList();
                var missing = support.Where(t => !noted.Contains((t.Number, department))).ToList();
                text.Append('\n').Append(missing.Count == 0
                    ? m.Format(MessageKeys.MyTasks.SupportAllNoted, support.Count)
                    : m.Format(MessageKeys.MyTasks.SupportHeader, support.Count, written.Count,
                        written.Count == 0 ? "" : m.Format(MessageKeys.MyTasks.SupportNoted, Numbers(m, written))));
                foreach (var task in missing)
                    text.Append('\n').Append(m.Format(MessageKeys.MyTasks.SupportLine, task.Label, format.List(task.LeadDepartments), m.Shorten(task.Text, TaskTextLength)));
            }
        }
        text.Append("\n\n").Append(m[MessageKeys.MyTasks.Footer]);
        await turn.SayTextAsync(text.ToString(), cancellationToken);
    }

    private string Numbers(MessageCatalog m, IReadOnlyList<string> numbers) =>
        m.Format(numbers.Count > MaxNumbers ? MessageKeys.Reminder.NumbersMore : MessageKeys.Reminder.Numbers, format.List(numbers.Take(MaxNumbers)));
}
