using ReformBot.Core.Departments;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;
using ReformBot.Host.Scheduling;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 退回 &lt;任务号&gt; &lt;部门&gt; &lt;理由&gt; (office): sends the latest revision of the period's report back.
/// The revision stays; the report is pending again until the next revision, and the department's
/// contacts are told why, in the background.
/// </summary>
public sealed class ReturnCommand(IPlanRepository plans, IReportRepository reports, ChaseRun chases, ReportingPeriods periods, TextFormat format, TimeProvider time) : IChatCommand
{
    public string Id => CommandIds.Return;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var m = turn.Messages;
        var words = argument.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 3) return turn.SayAsync(MessageKeys.ReturnReport.Usage, cancellationToken);
        if (plans.ReadLabel(words[0]) is not { } label) return turn.SayAsync(MessageKeys.ReturnReport.TaskNumberInvalid, cancellationToken, words[0]);
        if (plans.FindByLabel(label) is not { } task) return turn.SayAsync(MessageKeys.Report.TaskNotFound, cancellationToken, label);
        var number = task.Number;
        var directory = new DepartmentDirectory(plans.Departments());
        if (directory.Resolve(words[1]) is not { } department)
            return turn.SayTextAsync(InviteTexts.UnknownDepartment(m, format, words[1], directory.Suggest(words[1]).Select(d => d.Name)), cancellationToken);
        if (!task.LeadDepartments.Contains(department.Name))
            return turn.SayAsync(MessageKeys.ReturnReport.NotLead, cancellationToken, task.Label, department.Name, format.List(task.LeadDepartments));

        var period = periods.Current();
        var key = new ReportKey(number, department.Name, period);
        if (reports.History(key) is not [.., var latest])
            return turn.SayAsync(MessageKeys.ReturnReport.NothingToReturn, cancellationToken, task.Label, department.Name, format.Period(period));
        if (reports.ReturnsForPeriod(period).LastOrDefault(r => r.Key == key && r.Revision == latest.Revision) is { } earlier)
            return turn.SayAsync(MessageKeys.ReturnReport.AlreadyReturned, cancellationToken,
                task.Label, department.Name, latest.Revision, format.LocalTime(earlier.ReturnedAt), earlier.Reason);

        var sentBack = new ReportReturn(key, latest.Revision, words[2], turn.RegisteredContact.Id, time.GetUtcNow());
        reports.AppendReturn(sentBack);
        var start = chases.NotifyReturn(turn.RegisteredContact, sentBack);

        var lines = new List<string> { m.Format(MessageKeys.ReturnReport.Done, task.Label, department.Name, latest.Revision, latest.Revision + 1) };
        lines.Add(start.Targets.Count > 0
            ? m.Format(MessageKeys.ReturnReport.Notifying, department.Name, start.Targets.Count, format.List(start.Targets.Select(format.ContactName)))
            : m.Format(MessageKeys.ReturnReport.NoContact, department.Name));
        if (start.Unreachable.Count > 0)
            lines.Add(m.Format(MessageKeys.Reminder.RemindUnreachable, format.List(start.Unreachable.Select(format.ContactName))));
        return turn.SayTextAsync(string.Join("\n", lines), cancellationToken);
    }
}
