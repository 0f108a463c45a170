using Microsoft.Bot.Schema;
using ReformBot.Core.Contacts;
using ReformBot.Core.Reminders;
using ReformBot.Core.Storage;
using ReformBot.Host.Proactive;

namespace ReformBot.Host.Scheduling;

/// <summary>A message of a scheduled send.</summary>
/// <param name="Optional">Its loss loses no information (a digest's chart): a channel that refuses it does not fail the send.</param>
public sealed record ScheduledMessage(IMessageActivity Activity, bool Optional = false);

/// <summary>What came of a scheduled send.</summary>
public enum SendOnceResult
{
    /// <summary>Claimed before (sent, or failed for good): not sent again.</summary>
    AlreadyClaimed,
    /// <summary>Claimed before by a send that a crash or stop interrupted: it may or may not have arrived, and is not sent again.</summary>
    OutcomeUnknown,
    Delivered,
    /// <summary>The contact removed the bot; they are marked and get nothing more.</summary>
    Unreachable,
    /// <summary>Gave up for now; released, so a later run tries again, unless part of it went out.</summary>
    Failed,
}

/// <summary>
/// The one way a scheduled message (reminder, escalation, digest) goes out at most once: claimed in
/// the reminder log (on disk) before it is sent, then marked delivered, released or marked unreachable.
/// On a stop, no new send starts and sends on the wire get <see cref="SendGracePeriod"/> to finish, so
/// that a run resumes exactly where it stopped. A claim a crash left open may or may not have reached
/// the channel: it is never sent again, but recorded as of unknown outcome for the office.
/// </summary>
public sealed class SendOnce(IReminderLog log, IContactRepository contacts, IProactiveSender sender, TimeProvider time, ILogger<SendOnce> logger)
{
    /// <summary>The error of a send whose outcome a crash left unknown.</summary>
    public const string UnknownOutcome = "outcome unknown: the host stopped while sending";

    /// <summary>On a stop, how long sends already on the wire get to finish.</summary>
    private static readonly TimeSpan SendGracePeriod = TimeSpan.FromSeconds(10);

    private readonly Lock _recovery = new();
    private bool _recovered;

    /// <summary>
    /// Sends the messages of <paramref name="key"/> to <paramref name="contact"/>, one after another,
    /// unless the key was claimed before. <paramref name="messages"/> is only built once the claim is won.
    /// </summary>
    /// <param name="stopping">The host is stopping: no new send starts, and those on the wire get a grace period.</param>
    public async Task<SendOnceResult> SendAsync(ReminderKey key, Contact contact, Func<IReadOnlyList<ScheduledMessage>> messages, CancellationToken stopping)
    {
        RecoverInterrupted();
        stopping.ThrowIfCancellationRequested();
        if (!log.TryClaim(key, time.GetUtcNow()))
            return log.Find(key)?.Error == UnknownOutcome ? SendOnceResult.OutcomeUnknown : SendOnceResult.AlreadyClaimed;

        using var grace = new CancellationTokenSource();
        using var stop = stopping.Register(() => grace.CancelAfter(SendGracePeriod));
        var delivered = 0;
        try
        {
            foreach (var message in messages())
            {
                var delivery = await sender.SendAsync(contact.Address, message.Activity, grace.Token);
                if (delivery.IsDelivered)
                {
                    delivered++;
                    continue;
                }
                var error = delivery.Error ?? $"HTTP {delivery.StatusCode}";
                if (message.Optional && delivery.Result == DeliveryResult.Failed)
                {
                    logger.LogWarning("An optional message of {Kind} did not reach contact {ContactId} ({Error}); the rest did", key.Kind, contact.Id, error);
                    continue;
                }
                return Undelivered(key, contact, delivery, error, partly: delivered > 0);
            }
        }
        catch (OperationCanceledException)
        {
            // The grace period ran out with a request on the wire: it may or may not have arrived.
            log.MarkFailed(key, time.GetUtcNow(), UnknownOutcome);
            logger.LogWarning("{Kind} to {ContactId} for {Period} was interrupted by a stop; its outcome is unknown", key.Kind, contact.Id, key.Period);
            throw;
        }
        log.MarkSent(key, time.GetUtcNow());
        return SendOnceResult.Delivered;
    }

    /// <summary>
    /// Claims still open when this process first sends were left by a host that stopped mid-send
    /// (killed, crashed). Whether they arrived cannot be known, so they are not sent again but
    /// recorded as of unknown outcome, which the escalation lists. Runs once per process, before its
    /// first claim, so a send in flight in this process is never taken for an interrupted one.
    /// </summary>
    public void RecoverInterrupted()
    {
        lock (_recovery)
        {
            if (_recovered) return;
            foreach (var record in log.Unfinished())
            {
                log.MarkFailed(record.Key, time.GetUtcNow(), UnknownOutcome);
                logger.LogWarning("{Kind} to {ContactId} for {Period} was interrupted by a stop; its outcome is unknown",
                    record.Key.Kind, record.Key.ContactId, record.Key.Period);
            }
            _recovered = true;
        }
    }

    private SendOnceResult Undelivered(ReminderKey key, Contact contact, Delivery delivery, string error, bool partly)
    {
        if (delivery.Result == DeliveryResult.Unreachable)
        {
            log.MarkFailed(key, time.GetUtcNow(), error);
            contacts.Update(contact.Id, c => c with { Unreachable = true });
            logger.LogWarning("Contact {ContactId} is unreachable ({StatusCode}); no more messages go to them", contact.Id, delivery.StatusCode);
            return SendOnceResult.Unreachable;
        }
        // Gave up for now: a later run may try again rather than lose the message, unless part of it
        // went out, which must not go out twice.
        if (partly) log.MarkFailed(key, time.GetUtcNow(), error);
        else log.Release(key);
        logger.LogWarning("{Kind} to {ContactId} failed after {Attempts} attempts: {Error}", key.Kind, contact.Id, delivery.Attempts, error);
        return SendOnceResult.Failed;
    }
}
