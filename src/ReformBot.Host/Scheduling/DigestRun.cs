using Microsoft.Extensions.Options;
using Quartz;
using ReformBot.Core.Contacts;
using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Scheduling;

/// <summary>
/// The weekly digest to subscribers: the office gets the whole digest, a department contact the part
/// of their departments. Each cron slot goes out once: every subscriber's digest goes through
/// <see cref="SendOnce"/>, and the slot is recorded when done, so a digest missed while the host was
/// down is sent once when it comes back, and never twice. Each part is its Markdown messages, then
/// its chart: a chart the channel refuses (too large for it, say) is logged and does not fail the
/// digest, whose text has gone out.
/// </summary>
public sealed class DigestRun(
    DigestService digests,
    DigestReplies replies,
    ReportingPeriods periods,
    IContactRepository contacts,
    ISettingsRepository settings,
    SendOnce sendOnce,
    IOptions<SchedulingOptions> options,
    ILogger<DigestRun> logger)
{
    private const string LastSlotKey = "digest.lastSlot";

    /// <summary>How far back a missed digest is looked for.</summary>
    private static readonly TimeSpan CatchUpWindow = TimeSpan.FromDays(35);

    /// <summary>The latest digest slot at or before <paramref name="at"/>: when the cron last fired, or should have.</summary>
    public DateTimeOffset? SlotAt(DateTimeOffset at)
    {
        // Walked forward from a month back: CronExpression.GetPreviousValidTimeBefore can answer a time after `at`.
        var cron = new CronExpression(options.Value.DigestCron, periods.Calendar.Zone);
        DateTimeOffset? slot = null;
        for (var next = cron.GetNextValidTimeAfter(at - CatchUpWindow); next is { } fire && fire <= at; next = cron.GetNextValidTimeAfter(fire))
            slot = fire;
        return slot;
    }

    /// <returns>How many subscribers the digest went to.</returns>
    public async Task<int> RunAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (SlotAt(at) is not { } slot) return 0;
        var last = settings.Get(LastSlotKey) is { } text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        if (last >= slot) return 0;

        var period = periods.Current();
        var kind = $"digest-{TimeZoneInfo.ConvertTime(slot, periods.Calendar.Zone):yyyyMMddHHmm}";
        var sent = 0;
        foreach (var subscriber in contacts.All().Where(c => c.DigestSubscribed && !c.Unreachable))
        {
            var key = new ReminderKey(period, subscriber.Id, kind);
            if (await sendOnce.SendAsync(key, subscriber, () => Messages(subscriber, period, last), cancellationToken) == SendOnceResult.Delivered)
                sent++;
        }
        settings.Set(LastSlotKey, slot.ToString("O"));
        logger.LogInformation("Digest {Kind} for {Period} sent to {Count} subscribers", kind, period, sent);
        return sent;
    }

    /// <summary>The office reads the whole digest; a department contact the part of their departments.</summary>
    private List<ScheduledMessage> Messages(Contact subscriber, Quarter period, DateTimeOffset? since)
    {
        var parts = subscriber.IsOffice || subscriber.Departments.Count == 0
            ? [digests.Compute(period, since: since)]
            : subscriber.Departments.Select(d => digests.Compute(period, new DigestFilter(d), since)).ToList();
        // As 周报 in chat: the first screen, and the detail on request (its button).
        return parts.SelectMany(d => replies.FirstScreenFor(d, subscriber.IsOffice, d.Filter.Department ?? "")).Select(r => new ScheduledMessage(r.Activity, Optional: r.IsChart)).ToList();
    }
}
