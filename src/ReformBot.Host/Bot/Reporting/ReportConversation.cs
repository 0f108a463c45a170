using System.Collections.Frozen;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Periods;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Reporting;

/// <summary>
/// The quarterly report (汇报): walks a contact through their departments' pending lead tasks one at
/// a time with the report dialog (dialogs/report.dialog.yaml), and turns a confirmed dialog into a
/// new report revision, stored before the user is told it is saved. For a task their department
/// supports, 汇报 &lt;n&gt; takes a note instead (dialogs/note.dialog.yaml).
/// </summary>
public sealed class ReportConversation(
    DialogEngine dialogs,
    IPlanRepository plans,
    IReportRepository reports,
    ReportingPeriods periods,
    TimeProvider time,
    MessageCatalog messages,
    TextFormat format)
{
    public const string DialogId = "report";
    public const string NoteDialogId = "note";
    private const int TaskTextLength = 120;
    private const int LastAnswerLength = 60;

    // The actions the dialog files may name, in a choice or an anywhere word (help is the engine's own).
    private const string Submit = "submit";
    private const string Skip = "skip";
    private const string Pause = "pause";
    private const string Cancel = "cancel";
    private static readonly IReadOnlySet<string> Actions = FrozenSet.Create(StringComparer.Ordinal, Submit, Skip, Pause, Cancel);

    /// <summary>What this conversation reads from its dialog files; the loader refuses a file that differs.</summary>
    public static readonly IReadOnlyList<DialogContract> Dialogs =
    [
        new(DialogId, Actions, ReportFields.ReportAnswers, new Dictionary<string, IReadOnlySet<string>> { [ReportFields.Status] = ReportFields.StatusValues }),
        new(NoteDialogId, Actions, FrozenSet.Create(StringComparer.Ordinal, ReportFields.Note)),
    ];

    /// <summary>汇报 [任务号 [部门]]: starts, or resumes, a report.</summary>
    public async Task StartAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var contact = turn.RegisteredContact;
        if (contact.Departments.Count == 0)
        {
            await turn.SayAsync(MessageKeys.Report.NoDepartment, cancellationToken);
            return;
        }
        var owner = turn.Context.Activity.From.Id;
        if (turn.Conversation.Report is { Draft: not null } inProgress && inProgress.OwnedBy(owner) && argument.Length == 0)
        {
            inProgress.Paused = false;
            await turn.SayTextAsync(messages[MessageKeys.Report.Resuming] + "\n" + dialogs.Prompt(inProgress.Draft), cancellationToken);
            return;
        }

        var period = periods.Current();
        var items = argument.Length == 0
            ? PendingReports.For(contact.Departments, plans.Tasks(), reports.ForPeriod(period))
                .Select(i => new ReportSessionItem { TaskNumber = i.TaskNumber, Department = i.Department }).ToList()
            : await OneTaskAsync(turn, contact, argument, cancellationToken);
        if (items is null) return;
        if (items.Count == 0)
        {
            await turn.SayAsync(MessageKeys.Report.NothingPending, cancellationToken, format.Period(period));
            return;
        }

        var session = new ReportSession
        {
            Owner = owner,
            Period = period.ToString(),
            Items = items.ToList(),
        };
        turn.Conversation.Report = session;
        var intro = items.Count > 1 ? messages.Format(MessageKeys.Report.Starting, format.Period(period), items.Count) : null;
        await StartItemAsync(turn, session, intro, cancellationToken);
    }

    /// <summary>The answer to the current question of a report in progress.</summary>
    public async Task ContinueAsync(ChatTurn turn, string text, CancellationToken cancellationToken)
    {
        var session = turn.Conversation.Report!;
        var result = dialogs.Continue(session.Draft!, text);
        if (result.Replies.Count > 0) await turn.SayTextAsync(string.Join("\n", result.Replies), cancellationToken);

        switch (result.Status)
        {
            case DialogTurnStatus.Waiting:
                break;
            case DialogTurnStatus.Completed:
                await NextItemAsync(turn, session, cancellationToken);
                break;
            case DialogTurnStatus.Action:
                await RunActionAsync(turn, session, result.State, result.Action!, cancellationToken);
                break;
        }
    }

    private async Task RunActionAsync(ChatTurn turn, ReportSession session, DialogState draft, string action, CancellationToken cancellationToken)
    {
        var item = session.Items[session.Index];
        // Membership may have changed since the report started: only a member may store for the department.
        if (action == Submit && turn.Contact?.Departments.Contains(item.Department) != true)
        {
            turn.Conversation.Report = null;
            await turn.SayAsync(MessageKeys.Report.NoLongerMember, cancellationToken, item.Department, item.TaskNumber);
            return;
        }
        switch (action)
        {
            case Submit when item.Note:
                await SubmitNoteAsync(turn, session, item, draft, cancellationToken);
                await NextItemAsync(turn, session, cancellationToken);
                break;
            case Submit:
                await SubmitAsync(turn, session, item, draft, cancellationToken);
                await NextItemAsync(turn, session, cancellationToken);
                break;
            case Skip:
                session.Skipped++;
                await turn.SayAsync(MessageKeys.Report.Skipped, cancellationToken, item.TaskNumber);
                await NextItemAsync(turn, session, cancellationToken);
                break;
            case Pause:
                session.Paused = true;
                await turn.SayAsync(MessageKeys.Report.Paused, cancellationToken);
                break;
            case Cancel:
                turn.Conversation.Report = null;
                await turn.SayAsync(MessageKeys.Report.Cancelled, cancellationToken, item.TaskNumber);
                break;
            default:
                // The loader checks the dialog files against Actions: this is a bug, and the user must not be left unanswered.
                throw new InvalidOperationException($"The {draft.DialogId} dialog handed back the action '{action}', which the report conversation does not handle.");
        }
    }

    private async Task<IReadOnlyList<ReportSessionItem>?> OneTaskAsync(ChatTurn turn, Contact contact, string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], out var number))
        {
            await turn.SayAsync(MessageKeys.Report.TaskNumberInvalid, cancellationToken, argument);
            return null;
        }
        var task = plans.FindTask(number);
        if (task is null)
        {
            await turn.SayAsync(MessageKeys.Report.TaskNotFound, cancellationToken, number);
            return null;
        }

        var mine = contact.Departments;
        if (parts.Length > 1)
        {
            var department = new Core.Departments.DepartmentDirectory(plans.Departments()).Resolve(parts[1])?.Name ?? parts[1];
            if (!mine.Contains(department))
            {
                await turn.SayAsync(MessageKeys.Report.UnknownDepartment, cancellationToken, parts[1], Join(contact.Departments));
                return null;
            }
            mine = [department];
        }
        // A department that leads reports; one that only supports adds a note.
        var leads = task.LeadDepartments.Where(mine.Contains).ToList();
        var candidates = leads.Count > 0 ? leads : task.SupportDepartments.Where(mine.Contains).ToList();
        if (candidates.Count == 0)
        {
            await turn.SayAsync(MessageKeys.Report.NotLead, cancellationToken, number, Join(task.LeadDepartments));
            return null;
        }
        if (candidates.Count > 1)
        {
            await turn.SayAsync(MessageKeys.Report.ChooseDepartment, cancellationToken, number, Join(candidates), candidates[0]);
            return null;
        }
        return [new ReportSessionItem { TaskNumber = number, Department = candidates[0], Note = leads.Count == 0 }];
    }

    private async Task StartItemAsync(ChatTurn turn, ReportSession session, string? intro, CancellationToken cancellationToken)
    {
        var item = session.Items[session.Index];
        var period = Quarter.Parse(session.Period);
        if (item.Note)
        {
            var supported = plans.FindTask(item.TaskNumber)!;
            var note = dialogs.Start(NoteDialogId, new Dictionary<string, string>
            {
                ["taskNumber"] = supported.Number.ToString(),
                ["taskText"] = messages.Shorten(supported.Text, TaskTextLength),
                ["department"] = item.Department,
                ["leads"] = Join(supported.LeadDepartments),
                ["period"] = format.Period(period),
            });
            session.Draft = note.State;
            await turn.SayTextAsync(string.Join("\n\n", note.Replies), cancellationToken);
            return;
        }

        var key = new ReportKey(item.TaskNumber, item.Department, period);
        var task = plans.FindTask(item.TaskNumber)!;
        var current = reports.History(key).LastOrDefault();
        var previous = reports.History(key with { Period = period.Previous() }).LastOrDefault();

        var context = new Dictionary<string, string>
        {
            ["taskNumber"] = task.Number.ToString(),
            ["taskText"] = messages.Shorten(task.Text, TaskTextLength),
            ["department"] = item.Department,
            ["period"] = format.Period(period),
            ["deadline"] = format.Date(periods.Calendar.WindowFor(period).DueDate),
            ["planDeadline"] = task.Schedule.IsEmpty ? messages[MessageKeys.Report.PlanDeadlineNone] : task.Schedule.Text,
            ["lastAnswer"] = previous is null
                ? messages.Format(MessageKeys.Report.NoLastAnswer, format.Period(period.Previous()))
                : messages.Format(MessageKeys.Report.LastAnswer, format.Period(period.Previous()), format.Status(previous.Content.Status), messages.Shorten(previous.Content.Progress, LastAnswerLength)),
            ["position"] = (session.Index + 1).ToString(),
            ["count"] = session.Items.Count.ToString(),
        };
        // Editing a report submitted this period starts from its latest answers.
        var started = dialogs.Start(DialogId, context, current is null ? null : ReportFields.ToValues(current.Content));
        session.Draft = started.State;
        session.DraftId = Guid.NewGuid().ToString("N");

        var lines = new List<string>();
        if (intro is not null) lines.Add(intro);
        if (current is not null) lines.Add(messages.Format(MessageKeys.Report.Editing, item.TaskNumber, current.Revision));
        lines.AddRange(started.Replies);
        await turn.SayTextAsync(string.Join("\n\n", lines), cancellationToken);
    }

    private async Task SubmitAsync(ChatTurn turn, ReportSession session, ReportSessionItem item, DialogState draft, CancellationToken cancellationToken)
    {
        var period = Quarter.Parse(session.Period);
        // Stored before, and the conversation state that would have moved on was lost (a crash after the store).
        if (session.DraftId is not null && reports.FindByDraft(session.DraftId) is { } stored)
        {
            session.Submitted++;
            await turn.SayAsync(MessageKeys.Report.AlreadySaved, cancellationToken, item.TaskNumber, stored.Revision);
            return;
        }
        var now = time.GetUtcNow();
        var late = periods.Calendar.WindowFor(period).IsLate(now);
        var content = ReportFields.ToContent(draft.Values);
        var revision = reports.Append(new ReportKey(item.TaskNumber, item.Department, period), content, turn.RegisteredContact.Id, now, late, session.DraftId);
        session.Submitted++;
        await turn.SayAsync(late ? MessageKeys.Report.SavedLate : MessageKeys.Report.Saved, cancellationToken, item.TaskNumber, format.Status(content.Status), revision.Revision);
    }

    private async Task SubmitNoteAsync(ChatTurn turn, ReportSession session, ReportSessionItem item, DialogState draft, CancellationToken cancellationToken)
    {
        reports.AppendNote(new ReportNote(item.TaskNumber, item.Department, Quarter.Parse(session.Period), draft.Values[ReportFields.Note], turn.RegisteredContact.Id, time.GetUtcNow()));
        session.Submitted++;
        await turn.SayAsync(MessageKeys.Report.NoteSaved, cancellationToken, item.Department, item.TaskNumber);
    }

    private async Task NextItemAsync(ChatTurn turn, ReportSession session, CancellationToken cancellationToken)
    {
        session.Index++;
        session.Draft = null;
        session.DraftId = null;
        if (session.Index < session.Items.Count)
        {
            await StartItemAsync(turn, session, null, cancellationToken);
            return;
        }
        turn.Conversation.Report = null;
        if (session.Items.Count > 1)
            await turn.SayAsync(MessageKeys.Report.Finished, cancellationToken, session.Submitted, session.Skipped);
    }

    private string Join(IEnumerable<string> names) => format.List(names);
}
