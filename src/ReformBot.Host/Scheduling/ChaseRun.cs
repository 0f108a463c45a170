using Microsoft.Bot.Builder;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Scheduling;

/// <summary>What the office is told at once when it starts a chase.</summary>
/// <param name="Chase">The stored chase, or null when there was nothing to chase.</param>
/// <param name="Targets">The contacts being reminded now.</param>
/// <param name="Unreachable">Contacts of the departments known not to be reachable: not written to.</param>
/// <param name="WithoutContact">Departments chased that have no contact at all.</param>
public sealed record ChaseStart(Chase? Chase, IReadOnlyList<Contact> Targets, IReadOnlyList<Contact> Unreachable, IReadOnlyList<string> WithoutContact);

/// <summary>
/// 提醒 and 催办: the office reminds departments now. The chase is recorded (who, when, to whom, the
/// note) and answered at once; its messages go out in the background through <see cref="SendOnce"/>
/// and the office member who asked gets a short summary when they are out. A chase a stop interrupted
/// is resumed at the next start without writing to anyone twice.
/// </summary>
public sealed class ChaseRun(
    ReminderRun reminders,
    ReportingPeriods periods,
    IContactRepository contacts,
    IChaseRepository chases,
    IReminderLog log,
    SendOnce sendOnce,
    BackgroundSends background,
    MessageCatalog messages,
    TextFormat format,
    TimeProvider time)
{
    /// <summary>提醒: every department with pending lead tasks; each contact once a day, whoever asks.</summary>
    public ChaseStart Remind(Contact requester)
    {
        var period = periods.Current();
        var pending = reminders.Pending(period);
        if (pending.Count == 0) return new ChaseStart(null, [], [], []);
        return Start(requester, period, ChaseScope.AllPending, pending.Keys.Order(StringComparer.Ordinal).ToList(), note: null, reminders.ManualKind());
    }

    /// <summary>催办: one department's contacts, now, with the office's note; every chase goes out, even twice a day.</summary>
    public ChaseStart ChaseDepartment(Contact requester, string department, string? note)
    {
        var id = NewId();
        // The chase's own kind: a second 催办 the same day goes out too.
        return Start(requester, periods.Current(), ChaseScope.Department, [department], note, $"chase-{id}", id);
    }

    /// <summary>退回: tells the department's contacts that the office sent their report back, and why.</summary>
    public ChaseStart NotifyReturn(Contact requester, ReportReturn sentBack)
    {
        var id = NewId();
        return Start(requester, sentBack.Key.Period, ChaseScope.Return, [sentBack.Key.Department], sentBack.Reason, $"return-{id}", id, sentBack.Key.TaskNumber);
    }

    /// <summary>Resumes the chases a stop interrupted (at start).</summary>
    public void ResumeUnfinished()
    {
        foreach (var chase in chases.Unfinished())
            background.Run($"Chase {chase.Id}", stopping => RunAsync(chase, stopping));
    }

    private ChaseStart Start(Contact requester, Quarter period, ChaseScope scope, IReadOnlyList<string> departments, string? note, string kind, string? id = null, int? taskNumber = null)
    {
        var members = contacts.All()
            .Where(c => !c.IsOffice && c.Departments.Any(departments.Contains))
            .OrderBy(c => c.RegisteredAt)
            .ToList();
        var targets = members.Where(c => !c.Unreachable).ToList();
        var unreachable = members.Where(c => c.Unreachable).ToList();
        var withoutContact = departments.Where(d => !members.Any(c => c.ReportsFor(d))).ToList();
        var chase = new Chase(id ?? NewId(), period, scope, departments, note, requester.Id, time.GetUtcNow(), kind,
            members.Select(c => new ChaseRecipient(c.Id, format.ContactName(c), c.Unreachable ? ChaseOutcome.Unreachable : ChaseOutcome.Pending)).ToList(),
            TaskNumber: taskNumber);
        if (targets.Count == 0)
        {
            // Nobody to write to: still part of the trail (the office tried), finished at once.
            chases.Add(chase with { FinishedAt = chase.RequestedAt });
            return new ChaseStart(chase, targets, unreachable, withoutContact);
        }
        chases.Add(chase);
        background.Run($"Chase {chase.Id}", stopping => RunAsync(chase, stopping));
        return new ChaseStart(chase, targets, unreachable, withoutContact);
    }

    private async Task RunAsync(Chase chase, CancellationToken stopping)
    {
        var pending = reminders.Pending(chase.Period);
        var targets = chase.Recipients.Where(r => r.Outcome == ChaseOutcome.Pending)
            .Select(r => contacts.Find(r.ContactId)).OfType<Contact>().Where(c => !c.Unreachable).ToList();
        var outcomes = await reminders.SendEachAsync(chase.Period, chase.SendKind, targets, contact => Text(chase, contact, pending), stopping);

        var recipients = chase.Recipients.Select(r => r with
        {
            Outcome = r.Outcome != ChaseOutcome.Pending ? r.Outcome
                : outcomes.TryGetValue(r.ContactId, out var sent) ? Outcome(chase, r.ContactId, sent)
                // Marked unreachable or removed since the chase started.
                : ChaseOutcome.Unreachable,
        }).ToList();
        chases.Finish(chase.Id, recipients, time.GetUtcNow());

        if (contacts.Find(chase.RequestedBy) is { Unreachable: false } requester)
            await sendOnce.SendAsync(new Core.Reminders.ReminderKey(chase.Period, requester.Id, $"summary-{chase.Id}"), requester,
                () => [new ScheduledMessage(MessageFactory.Text(Summary(chase, recipients)))], stopping);
    }

    /// <summary>A claim found taken is this chase's own message when the chase was resumed after a stop.</summary>
    private ChaseOutcome Outcome(Chase chase, string contactId, SendOnceResult result) => result switch
    {
        SendOnceResult.Delivered => ChaseOutcome.Delivered,
        SendOnceResult.Unreachable => ChaseOutcome.Unreachable,
        SendOnceResult.Failed => ChaseOutcome.Failed,
        SendOnceResult.OutcomeUnknown => ChaseOutcome.Unknown,
        _ when chase.Scope == ChaseScope.Department
            && log.Find(new Core.Reminders.ReminderKey(chase.Period, contactId, chase.SendKind))?.State == Core.Reminders.ReminderState.Sent => ChaseOutcome.Delivered,
        _ => ChaseOutcome.AlreadySent,
    };

    private string Text(Chase chase, Contact contact, IReadOnlyDictionary<string, IReadOnlyList<int>> pending)
    {
        if (chase.Scope == ChaseScope.Return)
            return messages.Format(MessageKeys.ReturnReport.Message, format.Period(chase.Period), chase.TaskNumber is { } returned ? format.Task(returned) : "", format.List(chase.Departments), chase.Note);
        var departments = contact.Departments.Where(chase.Departments.Contains).ToList();
        var lines = reminders.PendingLines(departments, pending);
        if (chase.Scope == ChaseScope.AllPending) return reminders.ManualText(chase.Period, lines);
        if (lines.Length == 0) lines = messages.Format(MessageKeys.Chase.NothingPending, format.List(departments));
        var due = periods.Calendar.WindowFor(chase.Period).DueDate;
        var note = chase.Note is { Length: > 0 } ? messages.Format(MessageKeys.Chase.Note, chase.Note) : "";
        return messages.Format(MessageKeys.Chase.Message, format.Period(chase.Period), format.Date(due), lines, note);
    }

    private string Summary(Chase chase, IReadOnlyList<ChaseRecipient> recipients)
    {
        string Names(ChaseOutcome outcome) => format.List(recipients.Where(r => r.Outcome == outcome).Select(r => r.Name));
        int Count(ChaseOutcome outcome) => recipients.Count(r => r.Outcome == outcome);
        var parts = new List<string> { messages.Format(MessageKeys.Chase.SummaryDelivered, Count(ChaseOutcome.Delivered), Names(ChaseOutcome.Delivered)) };
        if (Count(ChaseOutcome.AlreadySent) > 0) parts.Add(messages.Format(MessageKeys.Chase.SummaryAlready, Count(ChaseOutcome.AlreadySent)));
        if (Count(ChaseOutcome.Unreachable) > 0) parts.Add(messages.Format(MessageKeys.Chase.SummaryUnreachable, Count(ChaseOutcome.Unreachable), Names(ChaseOutcome.Unreachable)));
        if (Count(ChaseOutcome.Failed) > 0) parts.Add(messages.Format(MessageKeys.Chase.SummaryFailed, Count(ChaseOutcome.Failed), Names(ChaseOutcome.Failed)));
        if (Count(ChaseOutcome.Unknown) > 0) parts.Add(messages.Format(MessageKeys.Chase.SummaryUnknown, Count(ChaseOutcome.Unknown), Names(ChaseOutcome.Unknown)));
        var what = chase.Scope switch
        {
            ChaseScope.AllPending => messages[MessageKeys.Chase.RemindName],
            ChaseScope.Return => messages.Format(MessageKeys.ReturnReport.NoticeName, chase.TaskNumber is { } task ? format.Task(task) : "", format.List(chase.Departments)),
            _ => messages.Format(MessageKeys.Chase.ChaseName, format.List(chase.Departments)),
        };
        return messages.Format(MessageKeys.Chase.Summary, what, string.Join(messages[MessageKeys.Chase.SummarySeparator], parts));
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
