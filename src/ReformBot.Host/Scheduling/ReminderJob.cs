using Quartz;

namespace ReformBot.Host.Scheduling;

/// <summary>The daily reminder run, fired by Quartz at the configured local hour (and once at start, to catch up).</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderRun run, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("reminders", "reformbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await run.RunScheduledAsync(context.ScheduledFireTimeUtc ?? time.GetUtcNow(), cancellationToken);
}
