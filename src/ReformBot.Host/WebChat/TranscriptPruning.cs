namespace ReformBot.Host.WebChat;

/// <summary>Prunes old Web Chat transcripts and expired tokens at start and every hour.</summary>
public sealed class TranscriptPruning(DirectLineStore store, TimeProvider time, ILogger<TranscriptPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = store.Prune();
                if (deleted > 0) logger.LogInformation("Pruned {Count} old Web Chat activities", deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Pruning Web Chat transcripts failed");
            }
            await Task.Delay(Interval, time, stoppingToken);
        }
    }
}
