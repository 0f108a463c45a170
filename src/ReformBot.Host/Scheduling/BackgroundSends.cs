using System.Collections.Concurrent;

namespace ReformBot.Host.Scheduling;

/// <summary>
/// Runs the office's fan-outs (提醒, 催办) off the chat turn, so that the office gets its answer within
/// the seconds a channel allows. What must survive a restart is in the store (the chase record and
/// the reminder log), not here: a fan-out a stop interrupted is resumed at the next start. On a stop
/// no new send starts and the running fan-outs finish what is on the wire (see <see cref="SendOnce"/>).
/// </summary>
public sealed class BackgroundSends(ILogger<BackgroundSends> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Starts <paramref name="work"/> now, in the background; a stop cancels its token.</summary>
    public void Run(string what, Func<CancellationToken, Task> work)
    {
        if (_stopping.IsCancellationRequested) return;
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                logger.LogInformation("{What} was stopped with the host; it resumes at the next start", what);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{What} failed", what);
            }
        });
        _running[task] = true;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
    }

    // A host that was built but never started (tests, the command-line tool) still stops its fan-outs.
    // The token source is not disposed: the container may dispose this twice (as itself and as a hosted service).
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
