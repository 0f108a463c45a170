using Quartz;

namespace ReformBot.Host.Scheduling;

/// <summary>The weekly digest, fired by Quartz on the configured cron (and once at start, to catch up on a missed one).</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestRun run, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("digest", "reformbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await run.RunAsync(time.GetUtcNow(), cancellationToken);
}
