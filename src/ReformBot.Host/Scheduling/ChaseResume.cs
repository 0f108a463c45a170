namespace ReformBot.Host.Scheduling;

/// <summary>At start, resumes the office's chases a stop interrupted, as the reminder job catches up on its run.</summary>
public sealed class ChaseResume(ChaseRun chases) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        chases.ResumeUnfinished();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
