using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Scheduling;

/// <summary>What one reminder run did.</summary>
public sealed record ReminderRunResult(string? Kind, int Sent, int AlreadySent, int Unreachable, int Failed, int Unknown, int Escalated)
{
    public static ReminderRunResult Nothing { get; } = new(null, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Sends the day's reminder to the contacts of departments with pending lead tasks, and the
/// escalation to the office, once each, through <see cref="SendOnce"/>: a run that is stopped or
/// crashes resumes where it was, nothing is sent twice, and a send whose outcome a crash left unknown
/// is reported, not repeated.
/// </summary>
public sealed class ReminderRun(
    ReportingPeriods periods,
    IPlanRepository plans,
    IReportRepository reports,
    IContactRepository contacts,
    IReminderLog log,
    SendOnce sendOnce,
    MessageCatalog messages,
    TextFormat format,
    IOptions<ReminderOptions> reminderOptions,
    HolidayCalendar holidays,
    IOptions<SchedulingOptions> schedulingOptions,
    TimeProvider time,
    ILogger<ReminderRun> logger)
{
    private const int ListedTaskNumbers = 15;

    private ReportingCalendar Calendar => periods.Calendar;

    /// <summary>The daily run. <paramref name="at"/> is when it was scheduled; nothing goes out on a day off or outside working hours.</summary>
    public async Task<ReminderRunResult> RunScheduledAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(at, Calendar.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var hours = schedulingOptions.Value;
        var timeOfDay = TimeOnly.FromDateTime(local.DateTime);
        if (!new WorkingDays(reminderOptions.Value, holidays).IsWorkingDay(today) || timeOfDay < hours.SendFrom || timeOfDay >= hours.SendUntil)
            return ReminderRunResult.Nothing;

        var period = periods.Current();
        var window = Calendar.WindowFor(period);
        var schedule = ReminderSchedule.For(window, Calendar.Zone, reminderOptions.Value, holidays);

        var result = ReminderRunResult.Nothing;
        if (ReminderSchedule.ForContacts(schedule, today) is { } reminder)
            result = await FanOutAsync(period, reminder.Kind.Key, pending => ReminderText(reminder, period, window, pending), cancellationToken);
        if (ReminderSchedule.ForOffice(schedule, today) is not null)
            result = result with { Escalated = await EscalateAsync(period, window, cancellationToken) };
        return result;
    }

    /// <summary>提醒: the office reminds everyone pending now; once a day, with the same bookkeeping.</summary>
    public Task<ReminderRunResult> RunManualAsync(CancellationToken cancellationToken)
    {
        var period = periods.Current();
        return FanOutAsync(period, ManualKind(), pending => ManualText(period, pending), cancellationToken);
    }

    /// <summary>The reminder-log kind of today's 提醒: each contact gets one a day, whoever of the office asks.</summary>
    public string ManualKind() => $"manual-{Calendar.LocalDate(time.GetUtcNow()):yyyyMMdd}";

    /// <summary>The text of a 提醒 to a contact, with their pending lines.</summary>
    public string ManualText(Quarter period, string pendingLines) =>
        messages.Format(MessageKeys.Reminder.Manual, format.Period(period), format.Date(Calendar.WindowFor(period).DueDate), pendingLines);

    /// <summary>One line per department of <paramref name="departments"/> that has pending lead tasks.</summary>
    public string PendingLines(IEnumerable<string> departments, IReadOnlyDictionary<string, IReadOnlyList<int>> pending) =>
        string.Join("\n", departments.Where(pending.ContainsKey).Select(d => PendingLine(d, pending[d])));

    /// <summary>
    /// Sends <paramref name="text"/> to each of <paramref name="targets"/> once under <paramref name="kind"/>,
    /// through <see cref="SendOnce"/>, as many at a time as the fan-out allows; the result per contact id.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SendOnceResult>> SendEachAsync(
        Quarter period, string kind, IReadOnlyList<Contact> targets, Func<Contact, string> text, CancellationToken cancellationToken)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, SendOnceResult>();
        // Cancelling the loop starts no new send; those on the wire finish within SendOnce's grace period.
        await Parallel.ForEachAsync(targets,
            new ParallelOptions { MaxDegreeOfParallelism = schedulingOptions.Value.FanOutConcurrency, CancellationToken = cancellationToken },
            async (contact, _) => outcomes[contact.Id] = await sendOnce.SendAsync(new ReminderKey(period, contact.Id, kind), contact, () => [Message(text(contact))], cancellationToken));
        return outcomes;
    }

    /// <summary>The departments of the period with lead tasks not yet reported, and those tasks.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> Pending(Quarter period) =>
        PendingReports.For(plans.Departments().Select(d => d.Name), plans.Tasks(), reports.ForPeriod(period), reports.ReturnsForPeriod(period))
            .GroupBy(i => i.Department, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(i => i.TaskNumber).ToList(), StringComparer.Ordinal);

    private async Task<ReminderRunResult> FanOutAsync(Quarter period, string kind, Func<string, string> text, CancellationToken cancellationToken)
    {
        var pending = Pending(period);
        var targets = contacts.All()
            .Where(c => !c.Unreachable && c.Departments.Any(pending.ContainsKey))
            .OrderBy(c => c.RegisteredAt)
            .ToList();
        var outcomes = await SendEachAsync(period, kind, targets, contact => text(PendingLines(contact.Departments, pending)), cancellationToken);
        int Count(SendOnceResult result) => outcomes.Values.Count(o => o == result);
        var (sent, already, unreachable, failed, unknown) = (Count(SendOnceResult.Delivered), Count(SendOnceResult.AlreadyClaimed),
            Count(SendOnceResult.Unreachable), Count(SendOnceResult.Failed), Count(SendOnceResult.OutcomeUnknown));

        logger.LogInformation("Reminder {Kind} for {Period}: {Sent} sent, {AlreadySent} already sent, {Unreachable} unreachable, {Failed} failed, {Unknown} of unknown outcome",
            kind, period, sent, already, unreachable, failed, unknown);
        return new ReminderRunResult(kind, sent, already, unreachable, failed, unknown, 0);
    }

    /// <summary>Tells the office members which departments are still missing after the last overdue reminder.</summary>
    private async Task<int> EscalateAsync(Quarter period, ReportingWindow window, CancellationToken cancellationToken)
    {
        var pending = Pending(period);
        if (pending.Count == 0) return 0;

        // Sends a crash interrupted are recorded first, so that the office hears of them.
        sendOnce.RecoverInterrupted();
        var everyone = contacts.All();
        var lines = pending.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var names = everyone.Where(c => c.Departments.Contains(p.Key)).Select(Name).ToList();
            return messages.Format(MessageKeys.Reminder.EscalationLine, p.Key, p.Value.Count, names.Count == 0 ? messages[MessageKeys.Reminder.NoContact] : format.List(names));
        });
        var text = messages.Format(MessageKeys.Reminder.Escalation, format.Period(period), format.Date(window.DueDate), string.Join("\n", lines));
        if (everyone.Where(c => c.Unreachable && !c.IsOffice).Select(Name).ToList() is { Count: > 0 } unreachable)
            text += "\n" + messages.Format(MessageKeys.Reminder.Unreachable, format.List(unreachable));
        var unknown = log.ForPeriod(period).Where(r => r.Error == SendOnce.UnknownOutcome)
            .Select(r => everyone.FirstOrDefault(c => c.Id == r.Key.ContactId) is { } c ? Name(c) : r.Key.ContactId).Distinct().ToList();
        if (unknown.Count > 0)
            text += "\n" + messages.Format(MessageKeys.Reminder.Unknown, format.List(unknown));

        var escalated = 0;
        foreach (var member in everyone.Where(c => c.IsOffice && !c.Unreachable))
        {
            var key = new ReminderKey(period, member.Id, ReminderKind.Escalation.Key);
            if (await sendOnce.SendAsync(key, member, () => [Message(text)], cancellationToken) == SendOnceResult.Delivered) escalated++;
        }
        return escalated;
    }

    private string ReminderText(ScheduledReminder reminder, Quarter period, ReportingWindow window, string pending)
    {
        var key = reminder.Kind switch
        {
            { Stage: ReminderStage.Opened } => MessageKeys.Reminder.Opened,
            { Stage: ReminderStage.Due, Days: 0 } => MessageKeys.Reminder.DueToday,
            { Stage: ReminderStage.Due } => MessageKeys.Reminder.Due,
            _ => MessageKeys.Reminder.Overdue,
        };
        return messages.Format(key, format.Period(period), format.Date(window.DueDate), pending, reminder.Days);
    }

    private string PendingLine(string department, IReadOnlyList<int> tasks)
    {
        var numbers = format.Tasks(tasks.Take(ListedTaskNumbers));
        numbers = messages.Format(tasks.Count > ListedTaskNumbers ? MessageKeys.Reminder.NumbersMore : MessageKeys.Reminder.Numbers, numbers);
        return messages.Format(MessageKeys.Reminder.PendingLine, department, tasks.Count, numbers);
    }

    private static ScheduledMessage Message(string text) => new(MessageFactory.Text(text));

    private string Name(Contact contact) => contact.Name.Length > 0 ? format.ContactName(contact) : contact.Id;
}
