using Microsoft.Extensions.Options;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;
using ReformBot.Host.Proactive;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Scheduling;

/// <summary>What one reminder run did.</summary>
public sealed record ReminderRunResult(string? Kind, int Sent, int AlreadySent, int Unreachable, int Failed, int Escalated)
{
    public static ReminderRunResult Nothing { get; } = new(null, 0, 0, 0, 0, 0);
}

/// <summary>
/// Sends the day's reminder to the contacts of departments with pending lead tasks, and the
/// escalation to the office, once each. Every message is claimed in the reminder log (in LiteDB)
/// before it is sent and marked after, so a run that is stopped or crashes resumes where it was:
/// nothing is sent twice, and a send whose outcome a crash left unknown is reported, not repeated.
/// </summary>
public sealed class ReminderRun(
    ReportingPeriods periods,
    IPlanRepository plans,
    IReportRepository reports,
    IContactRepository contacts,
    IReminderLog log,
    IProactiveSender sender,
    MessageCatalog messages,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<SchedulingOptions> schedulingOptions,
    TimeProvider time,
    ILogger<ReminderRun> logger)
{
    private const int ListedTaskNumbers = 15;

    /// <summary>
    /// On a stop, sends already on the wire get this long to finish, so that a graceful stop leaves no
    /// message whose outcome is unknown; no new send starts.
    /// </summary>
    private static readonly TimeSpan SendGracePeriod = TimeSpan.FromSeconds(10);
    private const string UnknownOutcome = "outcome unknown: the host stopped while sending";

    private ReportingCalendar Calendar => periods.Calendar;

    /// <summary>The daily run. <paramref name="at"/> is when it was scheduled; nothing goes out on a day off or outside working hours.</summary>
    public async Task<ReminderRunResult> RunScheduledAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(at, Calendar.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var hours = schedulingOptions.Value;
        var timeOfDay = TimeOnly.FromDateTime(local.DateTime);
        if (!new WorkingDays(reminderOptions.Value).IsWorkingDay(today) || timeOfDay < hours.SendFrom || timeOfDay >= hours.SendUntil)
            return ReminderRunResult.Nothing;

        ResolveInterruptedSends();
        var period = periods.Current();
        var window = Calendar.WindowFor(period);
        var schedule = ReminderSchedule.For(window, Calendar.Zone, reminderOptions.Value);

        var result = ReminderRunResult.Nothing;
        if (ReminderSchedule.ForContacts(schedule, today) is { } reminder)
            result = await FanOutAsync(period, reminder.Kind, pending => ReminderText(reminder, period, window, pending), cancellationToken);
        if (ReminderSchedule.ForOffice(schedule, today) is not null)
            result = result with { Escalated = await EscalateAsync(period, window, cancellationToken) };
        return result;
    }

    /// <summary>提醒: the office reminds everyone pending now; once a day, with the same bookkeeping.</summary>
    public Task<ReminderRunResult> RunManualAsync(CancellationToken cancellationToken)
    {
        ResolveInterruptedSends();
        var period = periods.Current();
        var window = Calendar.WindowFor(period);
        var kind = $"manual-{Calendar.LocalDate(time.GetUtcNow()):yyyyMMdd}";
        return FanOutAsync(period, kind, pending => messages.Format(ReminderManual, PeriodText(period), DateText(window.DueDate), pending), cancellationToken);
    }

    /// <summary>The departments of the period with lead tasks not yet reported, and those tasks.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> Pending(Quarter period) =>
        PendingReports.For(plans.Departments().Select(d => d.Name), plans.Tasks(), reports.ForPeriod(period))
            .GroupBy(i => i.Department, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(i => i.TaskNumber).ToList(), StringComparer.Ordinal);

    private async Task<ReminderRunResult> FanOutAsync(Quarter period, string kind, Func<string, string> text, CancellationToken cancellationToken)
    {
        var pending = Pending(period);
        var targets = contacts.All()
            .Where(c => !c.Unreachable && c.Departments.Any(pending.ContainsKey))
            .OrderBy(c => c.RegisteredAt)
            .ToList();
        int sent = 0, already = 0, unreachable = 0, failed = 0;
        using var grace = new CancellationTokenSource();
        using var stopping = cancellationToken.Register(() => grace.CancelAfter(SendGracePeriod));

        await Parallel.ForEachAsync(targets,
            new ParallelOptions { MaxDegreeOfParallelism = schedulingOptions.Value.FanOutConcurrency, CancellationToken = cancellationToken },
            async (contact, _) =>
            {
                var key = new ReminderKey(period, contact.Id, kind);
                if (!log.TryClaim(key, time.GetUtcNow()))
                {
                    Interlocked.Increment(ref already);
                    return;
                }
                var lines = contact.Departments.Where(pending.ContainsKey).Select(d => PendingLine(d, pending[d]));
                var outcome = await SendAsync(contact, key, text(string.Join("\n", lines)), grace.Token);
                switch (outcome)
                {
                    case DeliveryResult.Delivered: Interlocked.Increment(ref sent); break;
                    case DeliveryResult.Unreachable: Interlocked.Increment(ref unreachable); break;
                    default: Interlocked.Increment(ref failed); break;
                }
            });

        logger.LogInformation("Reminder {Kind} for {Period}: {Sent} sent, {AlreadySent} already sent, {Unreachable} unreachable, {Failed} failed",
            kind, period, sent, already, unreachable, failed);
        return new ReminderRunResult(kind, sent, already, unreachable, failed, 0);
    }

    /// <summary>Tells the office members which departments are still missing after the last overdue reminder.</summary>
    private async Task<int> EscalateAsync(Quarter period, ReportingWindow window, CancellationToken cancellationToken)
    {
        var pending = Pending(period);
        if (pending.Count == 0) return 0;

        var everyone = contacts.All();
        var lines = pending.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var names = everyone.Where(c => c.Departments.Contains(p.Key)).Select(Name).ToList();
            return messages.Format(ReminderEscalationLine, p.Key, p.Value.Count, names.Count == 0 ? messages[ReminderNoContact] : string.Join("、", names));
        });
        var text = messages.Format(ReminderEscalation, PeriodText(period), DateText(window.DueDate), string.Join("\n", lines));
        if (everyone.Where(c => c.Unreachable && !c.IsOffice).Select(Name).ToList() is { Count: > 0 } unreachable)
            text += "\n" + messages.Format(ReminderUnreachable, string.Join("、", unreachable));
        var unknown = log.ForPeriod(period).Where(r => r.Error == UnknownOutcome)
            .Select(r => everyone.FirstOrDefault(c => c.Id == r.Key.ContactId) is { } c ? Name(c) : r.Key.ContactId).Distinct().ToList();
        if (unknown.Count > 0)
            text += "\n" + messages.Format(ReminderUnknown, string.Join("、", unknown));

        var escalated = 0;
        foreach (var member in everyone.Where(c => c.IsOffice && !c.Unreachable))
        {
            var key = new ReminderKey(period, member.Id, ReminderSchedule.Escalation);
            if (!log.TryClaim(key, time.GetUtcNow())) continue;
            if (await SendAsync(member, key, text, cancellationToken) == DeliveryResult.Delivered) escalated++;
        }
        return escalated;
    }

    private async Task<DeliveryResult> SendAsync(Contact contact, ReminderKey key, string text, CancellationToken cancellationToken)
    {
        var delivery = await sender.SendAsync(contact.Address, text, cancellationToken);
        var now = time.GetUtcNow();
        switch (delivery.Result)
        {
            case DeliveryResult.Delivered:
                log.MarkSent(key, now);
                break;
            case DeliveryResult.Unreachable:
                log.MarkFailed(key, now, delivery.Error ?? $"HTTP {delivery.StatusCode}");
                contacts.Update(contact.Id, c => c with { Unreachable = true });
                logger.LogWarning("Contact {ContactId} is unreachable ({StatusCode}); no more messages go to them", contact.Id, delivery.StatusCode);
                break;
            default:
                // Gave up for now: let a later run try again rather than lose the reminder.
                log.Release(key);
                logger.LogWarning("Reminder {Kind} to {ContactId} failed after {Attempts} attempts: {Error}", key.Kind, contact.Id, delivery.Attempts, delivery.Error);
                break;
        }
        return delivery.Result;
    }

    /// <summary>
    /// Claims still open when a run starts were left by a host that stopped mid-send. Whether that
    /// message arrived cannot be known, so it is not sent again (never twice) but recorded, and the
    /// escalation lists it for the office.
    /// </summary>
    private void ResolveInterruptedSends()
    {
        foreach (var record in log.Unfinished())
        {
            log.MarkFailed(record.Key, time.GetUtcNow(), UnknownOutcome);
            logger.LogWarning("Reminder {Kind} to {ContactId} for {Period} was interrupted by a stop; its outcome is unknown", record.Key.Kind, record.Key.ContactId, record.Key.Period);
        }
    }

    private string ReminderText(ScheduledReminder reminder, Quarter period, ReportingWindow window, string pending)
    {
        var key = reminder.Kind switch
        {
            ReminderSchedule.Opened => ReminderOpened,
            "due-0" => ReminderDueToday,
            var k when k.StartsWith("due-", StringComparison.Ordinal) => ReminderDue,
            _ => ReminderOverdue,
        };
        return messages.Format(key, PeriodText(period), DateText(window.DueDate), pending, reminder.Days);
    }

    private string PendingLine(string department, IReadOnlyList<int> tasks)
    {
        var numbers = string.Join("、", tasks.Take(ListedTaskNumbers));
        if (tasks.Count > ListedTaskNumbers) numbers = messages.Format(ReminderNumbersMore, numbers);
        return messages.Format(ReminderPendingLine, department, tasks.Count, numbers);
    }

    private static string Name(Contact contact) => contact.Name.Length > 0 ? contact.Name : contact.Id;

    private string PeriodText(Quarter period) => messages.Format(FormatPeriod, period.Year, period.Number);

    private string DateText(DateOnly date) => messages.Format(FormatDate, date);
}
