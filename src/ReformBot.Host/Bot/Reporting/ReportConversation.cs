using System.Collections.Frozen;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Periods;
using ReformBot.Host.Messages;
using Microsoft.Extensions.Options;

namespace ReformBot.Host.Bot.Reporting;

/// <summary>
/// The quarterly report (汇报): walks a contact through their departments' pending lead tasks one at
/// a time with the report dialog (dialogs/report.dialog.yaml), and turns a confirmed dialog into a
/// new report revision, stored before the user is told it is saved. For a task their department
/// supports, it takes a note instead (dialogs/note.dialog.yaml): 汇报 &lt;n&gt;, or 汇报 after the lead
/// tasks, for the supported tasks without a note this period.
/// </summary>
public sealed class ReportConversation(
    DialogEngine dialogs,
    IPlanRepository plans,
    IReportRepository reports,
    ReportingPeriods periods,
    TimeProvider time,
    MessageCatalog messages,
    TextFormat format,
    ReportCard card,
    IOptions<ReportCardOptions> cardOptions)
{
    public const string DialogId = "report";
    public const string NoteDialogId = "note";
    private const int TaskTextLength = 120;
    private const int LastAnswerLength = 60;
    private const int SupportNoteLength = 40;
    /// <summary>Task numbers named at most when a run of notes starts.</summary>
    private const int MaxNumbers = 10;

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

    /// <summary>The report dialog's step that shows the summary and waits for 确认.</summary>
    private const string ConfirmStep = "confirm";

    /// <summary>The value of the confirm step's 确认 choice.</summary>
    private const string ConfirmValue = "confirm";

    /// <summary>How long a repeated 确认 is taken for the last saved report rather than as unknown text.</summary>
    private static readonly TimeSpan RepeatedConfirmWindow = TimeSpan.FromMinutes(30);

    /// <summary>汇报 [任务号 [部门]], optionally followed by lines that answer the task ("进展：…"): starts, or resumes, a report.</summary>
    public Task StartAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        // The answers after the first line, as typed: the command's argument is folded (full-width commas made half-width).
        var answers = (turn.Context.Activity.Text ?? "").Split('\n', 2) is [_, var rest] ? rest.Trim() : "";
        return StartAsync(turn, argument.Split('\n', 2)[0].Trim(), answers.Length == 0 ? null : (t, c) => ContinueAsync(t, answers, c), cancellationToken);
    }

    /// <summary>
    /// A submitted report card. Its answers go through the report dialog's own checks, as typed answers do, and
    /// lead to the same summary and 确认; whether the sender may report the task is checked again first.
    /// </summary>
    public async Task SubmitCardAsync(ChatTurn turn, ReportCardSubmission submitted, CancellationToken cancellationToken)
    {
        if (turn.Contact is not { } contact)
        {
            await turn.SayAsync(MessageKeys.Report.NotRegistered, cancellationToken);
            return;
        }
        // The card's draft was confirmed already: a second submit stores nothing.
        if (submitted.DraftId.Length > 0 && reports.FindByDraft(submitted.DraftId) is { } stored)
        {
            await turn.SayAsync(MessageKeys.Report.AlreadySaved, cancellationToken, format.Task(submitted.TaskNumber), stored.Revision);
            return;
        }
        if (!contact.Departments.Contains(submitted.Department))
        {
            await turn.SayAsync(MessageKeys.Report.NoLongerMember, cancellationToken, submitted.Department, format.Task(submitted.TaskNumber));
            return;
        }
        if (plans.FindTask(submitted.TaskNumber) is not { } task)
        {
            await turn.SayAsync(MessageKeys.Report.TaskNotFound, cancellationToken, format.Task(submitted.TaskNumber));
            return;
        }
        if (!task.LeadDepartments.Contains(submitted.Department))
        {
            await turn.SayAsync(MessageKeys.Report.CardNotLead, cancellationToken, task.Label, submitted.Department, Join(task.LeadDepartments));
            return;
        }
        if (turn.Conversation.Report is { Draft.DialogId: DialogId } session && session.OwnedBy(turn.Context.Activity.From?.Id)
            && session.Items[session.Index] is { Note: false } item && item.TaskNumber == task.Number && item.Department == submitted.Department)
        {
            session.Paused = false;
            await AnswerCardAsync(turn, session, submitted, cancellationToken);
            return;
        }
        // Another task than the one in progress, or none: as 汇报 <n> <部门> with the card's answers.
        await StartAsync(turn, $"{task.Label} {submitted.Department}", (t, c) => AnswerCardAsync(t, t.Conversation.Report!, submitted, c), cancellationToken);
    }

    private Task AnswerCardAsync(ChatTurn turn, ReportSession session, ReportCardSubmission submitted, CancellationToken cancellationToken)
    {
        session.CancelAsked = false;
        // A form only fills answers: the dialog waits for what is missing, or for 确认 at the summary.
        var result = dialogs.Answer(session.Draft!, submitted.Answers);
        return SayDialogAsync(turn, session, result.Replies, cancellationToken);
    }

    /// <param name="answer">Answers that came with the command (labelled lines, a card), read once the task has started.</param>
    private async Task StartAsync(ChatTurn turn, string argument, Func<ChatTurn, CancellationToken, Task>? answer, CancellationToken cancellationToken)
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
            var item = inProgress.Items[inProgress.Index];
            await SayDraftAsync(turn, inProgress, messages.Format(MessageKeys.Report.Resuming, format.Task(item.TaskNumber), item.Department), cancellationToken);
            return;
        }

        var period = periods.Current();
        var items = argument.Length == 0
            ? PendingItems(contact, period)
            : await OneTaskAsync(turn, contact, argument, cancellationToken);
        if (items is null) return;
        if (items.Count == 0)
        {
            await turn.SayAsync(MessageKeys.Report.NothingPending, cancellationToken, format.Period(period));
            return;
        }
        // Another task asked for in the middle of one: the draft in progress is put aside, not dropped.
        if (turn.Conversation.Report is { } previousSession && previousSession.OwnedBy(owner)) KeepDraft(turn, previousSession);

        var session = new ReportSession
        {
            Owner = owner,
            Period = period.ToString(),
            Items = items.ToList(),
        };
        turn.Conversation.Report = session;
        var intro = new List<string>();
        var notes = items.Where(i => i.Note).ToList();
        if (argument.Length > 0 || notes.Count == 0)
        {
            if (items.Count > 1) intro.Add(messages.Format(MessageKeys.Report.Starting, format.Period(period), items.Count));
        }
        else if (notes.Count == items.Count)
            intro.Add(messages.Format(MessageKeys.Report.NotesStarting, format.Period(period), notes.Count, Numbers(notes.Select(i => i.TaskNumber))));
        else
            intro.Add(messages.Format(MessageKeys.Report.StartingWithNotes, format.Period(period), items.Count - notes.Count, notes.Count));
        // Lateness is said once, here, rather than after every save.
        var window = periods.Calendar.WindowFor(period);
        if (window.IsLate(time.GetUtcNow()))
            intro.Add(messages.Format(MessageKeys.Report.Late, format.Date(window.DueDate), (periods.Calendar.LocalDate(time.GetUtcNow()).DayNumber - window.DueDate.DayNumber)));
        if (answer is null)
        {
            await StartItemAsync(turn, session, intro.Count > 0 ? string.Join("\n", intro) : null, cancellationToken);
            return;
        }
        // 汇报 61 with the answers in the same message: start quietly, then read them as the first answer.
        await StartItemAsync(turn, session, null, cancellationToken, quiet: true);
        if (intro.Count > 0) await turn.SayTextAsync(string.Join("\n", intro), cancellationToken);
        await answer(turn, cancellationToken);
    }

    /// <summary>Whether the text is a word of the running dialog itself (帮助, 跳过, 上一步, 沿用…), which it answers rather than the command of that name.</summary>
    public bool IsDialogWord(ReportSession session, string text) => session.Draft is { } draft && dialogs.IsOwnWord(draft, text);

    /// <summary>
    /// A 确认 that comes again after its report was saved, because its answer never arrived (a restart in
    /// between): says the report is saved, so the contact does not file it a second time. True when it did.
    /// </summary>
    public async Task<bool> TryAnswerRepeatedConfirmAsync(ChatTurn turn, string text, CancellationToken cancellationToken)
    {
        if (turn.Conversation.LastSaved is not { } saved || saved.UserId != turn.Context.Activity.From?.Id
            || time.GetUtcNow() - saved.At > RepeatedConfirmWindow
            || dialogs.ChoiceValue(DialogId, ConfirmStep, text) != ConfirmValue)
            return false;
        if (saved.NoteOf is { } department)
            await turn.SayAsync(MessageKeys.Report.NoteAlreadySaved, cancellationToken, department, format.Task(saved.TaskNumber));
        else
            await turn.SayAsync(MessageKeys.Report.AlreadySaved, cancellationToken, format.Task(saved.TaskNumber), saved.Revision);
        return true;
    }

    /// <summary>Asks the current question again, e.g. after a command answered in the middle of a report.</summary>
    public Task RepeatQuestionAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        SayDialogAsync(turn, turn.Conversation.Report!, [dialogs.Prompt(turn.Conversation.Report!.Draft!)], cancellationToken);

    /// <summary>The answer to the current question of a report in progress.</summary>
    public async Task ContinueAsync(ChatTurn turn, string text, CancellationToken cancellationToken)
    {
        var session = turn.Conversation.Report!;
        var cancelAsked = session.CancelAsked;
        session.CancelAsked = false;
        var result = dialogs.Continue(session.Draft!, text);
        if (result.Status == DialogTurnStatus.Waiting)
        {
            await SayDialogAsync(turn, session, result.Replies, cancellationToken);
            return;
        }
        if (result.Replies.Count > 0) await turn.SayTextAsync(string.Join("\n", result.Replies), cancellationToken);

        switch (result.Status)
        {
            case DialogTurnStatus.Completed:
                await NextItemAsync(turn, session, cancellationToken);
                break;
            case DialogTurnStatus.Action:
                await RunActionAsync(turn, session, result.State, result.Action!, cancelAsked, cancellationToken);
                break;
        }
    }

    private async Task RunActionAsync(ChatTurn turn, ReportSession session, DialogState draft, string action, bool cancelAsked, CancellationToken cancellationToken)
    {
        var item = session.Items[session.Index];
        // Membership may have changed since the report started: only a member may store for the department.
        if (action == Submit && turn.Contact?.Departments.Contains(item.Department) != true)
        {
            turn.Conversation.Report = null;
            await turn.SayAsync(MessageKeys.Report.NoLongerMember, cancellationToken, item.Department, format.Task(item.TaskNumber));
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
                var kept = KeepDraft(turn, session);
                await turn.SayAsync(kept ? MessageKeys.Report.SkippedKept : MessageKeys.Report.Skipped, cancellationToken, format.Task(item.TaskNumber));
                await NextItemAsync(turn, session, cancellationToken);
                break;
            case Pause:
                session.Paused = true;
                await turn.SayAsync(MessageKeys.Report.Paused, cancellationToken);
                break;
            case Cancel when !cancelAsked && draft.Values.Count > 0:
                // Answers already typed are dropped only when asked twice.
                session.CancelAsked = true;
                await SayDialogAsync(turn, session, [messages.Format(MessageKeys.Report.CancelConfirm, format.Task(item.TaskNumber)), dialogs.Prompt(draft)], cancellationToken);
                break;
            case Cancel:
                turn.Conversation.Report = null;
                turn.Conversation.KeptDrafts.Remove(KeptDraft.KeyOf(item));
                await turn.SayAsync(MessageKeys.Report.Cancelled, cancellationToken, format.Task(item.TaskNumber));
                break;
            default:
                // The loader checks the dialog files against Actions: this is a bug, and the user must not be left unanswered.
                throw new InvalidOperationException($"The {draft.DialogId} dialog handed back the action '{action}', which the report conversation does not handle.");
        }
    }

    private async Task<IReadOnlyList<ReportSessionItem>?> OneTaskAsync(ChatTurn turn, Contact contact, string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (plans.ReadLabel(parts[0]) is not { } label)
        {
            await turn.SayAsync(MessageKeys.Report.TaskNumberInvalid, cancellationToken, argument);
            return null;
        }
        var task = plans.FindByLabel(label);
        if (task is null)
        {
            await turn.SayAsync(MessageKeys.Report.TaskNotFound, cancellationToken, label);
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
            await turn.SayAsync(MessageKeys.Report.NotLead, cancellationToken, task.Label, Join(task.LeadDepartments));
            return null;
        }
        if (candidates.Count > 1)
        {
            await turn.SayAsync(MessageKeys.Report.ChooseDepartment, cancellationToken, task.Label, Join(candidates), candidates[0]);
            return null;
        }
        return [new ReportSessionItem { TaskNumber = task.Number, Department = candidates[0], Note = leads.Count == 0 }];
    }

    private async Task StartItemAsync(ChatTurn turn, ReportSession session, string? intro, CancellationToken cancellationToken, bool quiet = false)
    {
        var item = session.Items[session.Index];
        var period = Quarter.Parse(session.Period);
        if (turn.Conversation.KeptDrafts.Remove(KeptDraft.KeyOf(item), out var kept) && kept.Period == session.Period)
        {
            // A draft put aside earlier: resume it with its answers and identity.
            session.Draft = kept.Draft;
            session.DraftId = kept.DraftId;
            if (!quiet) await SayDraftAsync(turn, session, messages.Format(MessageKeys.Report.Resuming, format.Task(item.TaskNumber), item.Department), cancellationToken);
            return;
        }
        if (item.Note)
        {
            var supported = plans.FindTask(item.TaskNumber)!;
            var note = dialogs.Start(NoteDialogId, new Dictionary<string, string>
            {
                ["taskNumber"] = supported.Label,
                ["taskText"] = messages.Shorten(supported.Text, TaskTextLength),
                ["department"] = item.Department,
                ["leads"] = Join(supported.LeadDepartments),
                ["period"] = format.Period(period),
                ["position"] = (session.Index + 1).ToString(),
                ["count"] = session.Items.Count.ToString(),
            });
            session.Draft = note.State;
            session.DraftId = Guid.NewGuid().ToString("N");
            if (quiet) return;
            var noteLines = new List<string>();
            if (intro is not null) noteLines.Add(intro);
            // The lead tasks of the run are done: say once that the notes follow.
            if (session.Index > 0 && !session.Items[session.Index - 1].Note)
                noteLines.Add(messages.Format(MessageKeys.Report.NotesFollow, session.Items.Count - session.Index));
            noteLines.AddRange(note.Replies);
            await SayDialogAsync(turn, session, [string.Join("\n\n", noteLines)], cancellationToken);
            return;
        }

        var key = new ReportKey(item.TaskNumber, item.Department, period);
        var task = plans.FindTask(item.TaskNumber)!;
        var current = reports.Latest(key);
        var previous = reports.Latest(key with { Period = period.Previous() });

        var context = new Dictionary<string, string>
        {
            ["taskNumber"] = task.Label,
            ["taskText"] = messages.Shorten(task.Text, TaskTextLength),
            ["department"] = item.Department,
            ["period"] = format.Period(period),
            ["deadline"] = format.Date(periods.Calendar.WindowFor(period).DueDate),
            ["planDeadline"] = task.Schedule.IsEmpty ? messages[MessageKeys.Report.PlanDeadlineNone] : task.Schedule.Text,
            // Editing shows the version being edited; a first report shows last quarter's, which 沿用 takes.
            ["lastAnswer"] = current is not null
                ? messages.Format(MessageKeys.Report.CurrentAnswer, current.Revision, format.Status(current.Content.Status), messages.Shorten(current.Content.Progress, LastAnswerLength))
                : previous is null
                ? messages.Format(MessageKeys.Report.NoLastAnswer, format.Period(period.Previous()))
                : messages.Format(MessageKeys.Report.LastAnswer, format.Period(period.Previous()), format.Status(previous.Content.Status), messages.Shorten(previous.Content.Progress, LastAnswerLength)),
            ["position"] = (session.Index + 1).ToString(),
            ["count"] = session.Items.Count.ToString(),
            ["supportNotes"] = SupportNotes(task, period),
        };
        // Editing a report submitted this period starts from its latest answers.
        var started = dialogs.Start(DialogId, context, current is null ? null : ReportFields.ToValues(current.Content),
            previous is null ? null : ReportFields.ToValues(previous.Content));
        session.Draft = started.State;
        session.DraftId = Guid.NewGuid().ToString("N");
        if (quiet) return;

        var lines = new List<string>();
        if (intro is not null) lines.Add(intro);
        if (current is not null) lines.Add(messages.Format(MessageKeys.Report.Editing, format.Task(item.TaskNumber), current.Revision));
        lines.AddRange(started.Replies);
        await SayDialogAsync(turn, session, [string.Join("\n\n", lines)], cancellationToken);
    }

    private async Task SubmitAsync(ChatTurn turn, ReportSession session, ReportSessionItem item, DialogState draft, CancellationToken cancellationToken)
    {
        var period = Quarter.Parse(session.Period);
        var now = time.GetUtcNow();
        var late = periods.Calendar.WindowFor(period).IsLate(now);
        var content = ReportFields.ToContent(draft.Values);
        var revision = reports.Append(new ReportKey(item.TaskNumber, item.Department, period), content, turn.RegisteredContact.Id, now, late, session.DraftId);
        session.Submitted++;
        turn.Conversation.LastSaved = SavedReport.Of(turn, item.TaskNumber, revision.Revision, now);
        // Stored before, and the conversation state that would have moved on was lost (a crash after the store):
        // the store hands back that revision, not this content.
        if (!ReferenceEquals(revision.Content, content))
        {
            await turn.SayAsync(MessageKeys.Report.AlreadySaved, cancellationToken, format.Task(item.TaskNumber), revision.Revision);
            return;
        }
        await turn.SayAsync(MessageKeys.Report.Saved, cancellationToken, format.Task(item.TaskNumber), format.Status(content.Status), revision.Revision);
        // The office moved the period meanwhile: the draft still goes to the period it was started in, and says so.
        if (periods.Current() != period)
            await turn.SayAsync(MessageKeys.Report.PeriodChanged, cancellationToken, format.Period(period), format.Period(periods.Current()));
    }

    private async Task SubmitNoteAsync(ChatTurn turn, ReportSession session, ReportSessionItem item, DialogState draft, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var note = new ReportNote(item.TaskNumber, item.Department, Quarter.Parse(session.Period), draft.Values[ReportFields.Note], turn.RegisteredContact.Id, now, session.DraftId);
        var stored = reports.AppendNote(note);
        session.Submitted++;
        turn.Conversation.LastSaved = SavedReport.Of(turn, item.TaskNumber, 0, now, noteOf: item.Department);
        // The store hands back another note when this draft was stored before (a crash after the store).
        if (!ReferenceEquals(stored, note))
        {
            await turn.SayAsync(MessageKeys.Report.NoteAlreadySaved, cancellationToken, item.Department, format.Task(item.TaskNumber));
            return;
        }
        await turn.SayAsync(MessageKeys.Report.NoteSaved, cancellationToken, item.Department, format.Task(item.TaskNumber));
        if (periods.Current() != note.Period)
            await turn.SayAsync(MessageKeys.Report.PeriodChanged, cancellationToken, format.Period(note.Period), format.Period(periods.Current()));
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

    /// <summary>
    /// Sends the dialog's replies with the current step's buttons, and under the summary a note when the report
    /// repeats last quarter's. On channels that render cards, the report's first question (and a resumed
    /// draft) also comes with the whole task as one card.
    /// </summary>
    private Task SayDialogAsync(ChatTurn turn, ReportSession session, IReadOnlyList<string> replies, CancellationToken cancellationToken, bool resumed = false)
    {
        var draft = session.Draft!;
        var lines = replies.ToList();
        if (draft.DialogId == DialogId && draft.StepId == ConfirmStep && draft.Offered.Count > 0
            && ReportFields.ReportAnswers.All(a => draft.Values.GetValueOrDefault(a, "") == draft.Offered.GetValueOrDefault(a, "")))
            lines.Add(messages[MessageKeys.Report.Copied]);
        var text = string.Join("\n", lines);
        return draft.DialogId == DialogId && (resumed || draft.StepId == dialogs.Definition(DialogId).Start)
            && cardOptions.Value.Renders(turn.Context.Activity.ChannelId)
            ? turn.SayTextAsync(text, dialogs.Buttons(draft), card.Build(dialogs.Form(draft), draft, session.Items[session.Index], session.DraftId), cancellationToken)
            : turn.SayTextAsync(text, dialogs.Buttons(draft), cancellationToken);
    }

    /// <summary>Which task, the answers so far, and the current question.</summary>
    private Task SayDraftAsync(ChatTurn turn, ReportSession session, string heading, CancellationToken cancellationToken)
    {
        var draft = session.Draft!;
        var lines = new List<string> { heading };
        if (draft.DialogId == DialogId && draft.Values.Count > 0) lines.Add(dialogs.RenderTemplate(draft, "summary"));
        lines.Add(dialogs.Prompt(draft));
        return SayDialogAsync(turn, session, lines, cancellationToken, resumed: true);
    }

    /// <summary>Puts the session's current report draft aside when it holds answers; true when it did.</summary>
    private static bool KeepDraft(ChatTurn turn, ReportSession session)
    {
        if (session.Draft is not { DialogId: DialogId } draft || draft.Values.Count == 0 || session.Index >= session.Items.Count) return false;
        turn.Conversation.KeptDrafts[KeptDraft.KeyOf(session.Items[session.Index])] =
            new KeptDraft { Period = session.Period, Draft = draft, DraftId = session.DraftId };
        return true;
    }

    /// <summary>What 汇报 alone walks through: the pending lead reports, then the supported tasks without a note this period.</summary>
    private List<ReportSessionItem> PendingItems(Contact contact, Quarter period)
    {
        var tasks = plans.Tasks();
        var lead = PendingReports.For(contact.Departments, tasks, reports.LatestForPeriod(period, contact.Departments), reports.ReturnsForPeriod(period))
            .Select(i => new ReportSessionItem { TaskNumber = i.TaskNumber, Department = i.Department });
        var notes = PendingReports.NotesFor(contact.Departments, tasks, reports.NotesForPeriod(period))
            .Select(i => new ReportSessionItem { TaskNumber = i.TaskNumber, Department = i.Department, Note = true });
        return lead.Concat(notes).ToList();
    }

    /// <summary>The supporting departments' notes of the period on the task, the latest of each, one line each, after a line break; empty when none.</summary>
    private string SupportNotes(PlanTask task, Quarter period)
    {
        var latest = reports.NotesForTask(task.Number).Where(n => n.Period == period)
            .GroupBy(n => n.Department, StringComparer.Ordinal).Select(g => g.Last());
        return string.Concat(latest.Select(n => "\n" + messages.Format(MessageKeys.Report.SupportNote, n.Department,
            messages.Shorten(n.Text.ReplaceLineEndings(" "), SupportNoteLength))));
    }

    private string Numbers(IEnumerable<int> numbers)
    {
        var all = numbers.ToList();
        return messages.Format(all.Count > MaxNumbers ? MessageKeys.Reminder.NumbersMore : MessageKeys.Reminder.Numbers, format.Tasks(all.Take(MaxNumbers)));
    }

    private string Join(IEnumerable<string> names) => format.List(names);
}
