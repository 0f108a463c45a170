using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReformBot.TurnBenchmark;

/// <summary>One conversation's side of a turn: a user in a conversation, posting with expectReplies.</summary>
public sealed class Speaker(HttpClient http, Recorder recorder)
{
    /// <summary>Sends <paramref name="text"/>; a timed turn counts towards the scenario's figures.</summary>
    public async Task<string> SayAsync(string userId, string conversationId, string text, bool timed, CancellationToken cancellationToken)
    {
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = History.ChannelId,
            serviceUrl = History.ServiceUrl,
            from = new { id = userId, name = "联络员" },
            recipient = new { id = "reformbot", name = "ReformBot" },
            conversation = new { id = conversationId },
            text,
            locale = "zh-CN",
            deliveryMode = "expectReplies",
        };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("/api/messages", activity, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (!response.IsSuccessStatusCode) throw new BenchmarkException($"HTTP {(int)response.StatusCode} for “{text}”: {body}");
        if (timed) recorder.Add(elapsed);
        using var json = JsonDocument.Parse(body);
        return string.Join("\n", json.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null));
    }
}

/// <summary>The latencies of the timed turns of one run.</summary>
public sealed class Recorder
{
    private readonly List<double> _milliseconds = [];

    public void Add(TimeSpan elapsed)
    {
        lock (_milliseconds) _milliseconds.Add(elapsed.TotalMilliseconds);
    }

    public List<double> Take()
    {
        lock (_milliseconds)
        {
            var taken = _milliseconds.ToList();
            _milliseconds.Clear();
            return taken;
        }
    }
}

/// <summary>What one run of a scenario against one bot measured.</summary>
public sealed record RunFigures(int Turns, TimeSpan Elapsed, TimeSpan Cpu, IReadOnlyList<double> Latencies)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
}

/// <summary>
/// Drives a bot with <c>connections</c> workers, each its own sequence of conversations, for a while. A
/// scenario with a preparation (确认 alone) runs in batches: every worker prepares its next conversations
/// (untimed), then all of them send the timed turns; only the timed phases count, for time and CPU.
/// </summary>
public static class LoadGenerator
{
    private const int Batch = 8;

    public static async Task<RunFigures> RunAsync(BotProcess bot, Scenario scenario, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = bot.Address, Timeout = TimeSpan.FromMinutes(10) };
        var recorder = new Recorder();
        var speaker = new Speaker(http, recorder);
        var run = $"{Guid.NewGuid():N}"[..8];
        var iterations = new int[connections];

        var elapsed = TimeSpan.Zero;
        var cpu = TimeSpan.Zero;
        if (scenario.Prepare is null)
        {
            var cpuBefore = bot.CpuTime;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
            {
                while (clock.Elapsed < duration)
                    await scenario.Run(speaker, new Turn(worker, iterations[worker]++, run), cancellationToken);
            }));
            elapsed = clock.Elapsed;
            cpu = bot.CpuTime - cpuBefore;
        }
        else
        {
            while (elapsed < duration)
            {
                var first = iterations[0];
                await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
                {
                    for (var i = 0; i < Batch; i++) await scenario.Prepare(speaker, new Turn(worker, first + i, run), cancellationToken);
                }));
                var cpuBefore = bot.CpuTime;
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
                {
                    for (var i = 0; i < Batch; i++) await scenario.Run(speaker, new Turn(worker, first + i, run), cancellationToken);
                }));
                elapsed += clock.Elapsed;
                cpu += bot.CpuTime - cpuBefore;
                for (var w = 0; w < connections; w++) iterations[w] = first + Batch;
            }
        }
        var latencies = recorder.Take();
        return new RunFigures(latencies.Count, elapsed, cpu, latencies);
    }
}

/// <param name="Worker">Which connection's worker.</param>
/// <param name="Iteration">The worker's how-manieth pass through the scenario.</param>
/// <param name="Run">Unique per run, so every run's conversations are fresh.</param>
public readonly record struct Turn(int Worker, int Iteration, string Run)
{
    public string Conversation => $"bench-{Run}-{Worker}-{Iteration}";
}
