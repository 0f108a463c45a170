using System.Diagnostics;
using ReformBot.Host.Cli;

namespace ReformBot.TurnBenchmark;

/// <summary>Accumulated runs of one scenario against one bot at one number of connections.</summary>
public sealed class Figures
{
    private readonly List<double> _latencies = [];

    public int Turns { get; private set; }
    public TimeSpan Elapsed { get; private set; }
    public TimeSpan Cpu { get; private set; }

    public void Add(RunFigures run)
    {
        Turns += run.Turns;
        Elapsed += run.Elapsed;
        Cpu += run.Cpu;
        _latencies.AddRange(run.Latencies);
    }

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
    public double CpuMillisecondsPerTurn => Cpu.TotalMilliseconds / Turns;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        if (_latencies.Count == 0) return double.NaN;
        var sorted = _latencies.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}

/// <param name="Label">"host", "before" for the baseline build, "host, state flushed" for this build flushing every state write to disk.</param>
public sealed record HostResult(string Label, bool FlushedState, Dictionary<(string Scenario, int Connections), Figures> Turns, double DigestMedianMs,
    double DigestMaxMs, Figures? Crowd, long WorkingSetBytes);

public sealed record HistoryResult(int Revisions, TimeSpan SeedTime, IReadOnlyList<HostResult> Hosts,
    Dictionary<(Yardstick Echo, int Connections), Figures> Echoes);

public static class Bench
{
    private const int Contacts = 200;
    private const int OfficeMembers = 50;
    private const int DigestCalls = 60;
    private const int DigestWarmupCalls = 10;
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuietLongest = TimeSpan.FromSeconds(120);

    public static async Task<HistoryResult> RunHistoryAsync(int revisions, Options options, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("reformbot-turns-").FullName;
        try
        {
            var database = Path.Combine(dir, "reformbot.db");
            var seeding = Stopwatch.StartNew();
            var cast = History.Seed(database, revisions, Math.Max(Contacts, options.Crowd), OfficeMembers);
            seeding.Stop();
            Console.WriteLine();
            Console.WriteLine($"## {revisions:N0} revisions (seeded in {seeding.Elapsed.TotalSeconds:0.#} s), period {cast.Period}, load average {LoadAverage()}");

            var hosts = new List<(string Label, string Database, BotProcess Bot, bool Flushed)>();
            var echoes = new Dictionary<Yardstick, BotProcess>
            {
                [Yardstick.ReadEcho] = await BotProcess.StartEchoAsync("echo (reads state)", Copy(database, "echo-read"), write: false, flush: false, cancellationToken),
                [Yardstick.WriteEcho] = await BotProcess.StartEchoAsync("echo (writes state)", Copy(database, "echo-write"), write: true, flush: false, cancellationToken),
            };
            try
            {
                var thisHost = Path.Combine(AppContext.BaseDirectory, "ReformBot.Host.dll");
                hosts.Add(("host", database, await BotProcess.StartHostAsync("host", thisHost, database, flushState: false, cancellationToken), false));
                if (options.Baseline is { } baseline)
                {
                    var copy = Copy(database, "before");
                    hosts.Add(("before", copy, await BotProcess.StartHostAsync("before", baseline, copy, flushState: false, cancellationToken), false));
                }
                if (options.FlushedState)
                {
                    echoes[Yardstick.FlushEcho] = await BotProcess.StartEchoAsync("echo (flushes state)", Copy(database, "echo-flush"), write: true, flush: true, cancellationToken);
                    var copy = Copy(database, "flushed");
                    hosts.Add(("host, state flushed", copy, await BotProcess.StartHostAsync("host, state flushed", thisHost, copy, flushState: true, cancellationToken), true));
                }
                // A host starts with work of its own (the day's backup copies the whole file), which is not the
                // digest's cost: everything is timed once the processes are quiet.
                await SettleAsync([.. hosts.Select(h => h.Bot), .. echoes.Values], cancellationToken);
                // The digest lists what changed since the last one, so it is timed on the seeded history, before the
                // runs below save thousands of revisions of their own into the period.
                var digests = hosts.ToDictionary(h => h.Label, h => TimeDigest(h.Database));
                var scenarios = Scenario.For(cast).Where(s => options.Only.Length == 0 || options.Only.Any(o => s.Name.Contains(o, StringComparison.Ordinal))).ToList();
                var echoScenario = Scenario.Echo("echo");

                // Warm-up: JIT, caches and LiteDB's pages of every path measured, untimed.
                foreach (var echo in echoes.Values) await LoadGenerator.RunAsync(echo, echoScenario, options.Connections[0], options.Warmup, cancellationToken);
                foreach (var scenario in scenarios)
                    foreach (var host in hosts.Where(h => !h.Flushed || Report.IsReportFlow(scenario.Name)))
                        await LoadGenerator.RunAsync(host.Bot, scenario, options.Connections[0], options.Warmup, cancellationToken);

                var echoFigures = new Dictionary<(Yardstick, int), Figures>();
                var hostFigures = hosts.ToDictionary(h => h.Label, _ => new Dictionary<(string, int), Figures>());
                for (var round = 0; round < options.Rounds; round++)
                    foreach (var connections in options.Connections)
                    {
                        foreach (var (yardstick, echo) in echoes)
                            Add(echoFigures, (yardstick, connections), await LoadGenerator.RunAsync(echo, echoScenario, connections, options.Duration, cancellationToken));
                        foreach (var scenario in scenarios)
                            foreach (var host in hosts.Where(h => !h.Flushed || Report.IsReportFlow(scenario.Name)))
                                Add(hostFigures[host.Label], (scenario.Name, connections),
                                    await LoadGenerator.RunAsync(host.Bot, scenario, connections, options.Duration, cancellationToken));
                    }

                var results = new List<HostResult>();
                foreach (var host in hosts)
                {
                    var (median, max) = digests[host.Label];
                    Figures? crowd = null;
                    if (options.Crowd > 0 && !host.Flushed && Scenario.For(cast).First(s => s.Name.StartsWith("report", StringComparison.Ordinal)) is var walk)
                    {
                        crowd = new Figures();
                        crowd.Add(await LoadGenerator.RunAsync(host.Bot, walk, options.Crowd, options.Duration, cancellationToken));
                    }
                    results.Add(new HostResult(host.Label, host.Flushed, hostFigures[host.Label], median, max, crowd, host.Bot.WorkingSetBytes));
                }
                var result = new HistoryResult(revisions, seeding.Elapsed, results, echoFigures);
                Console.WriteLine(Report.Table(result, options));
                return result;
            }
            catch (BenchmarkException)
            {
                foreach (var host in hosts)
                {
                    Console.Error.WriteLine($"--- last lines of {host.Label} ---");
                    foreach (var line in host.Bot.RecentOutput) Console.Error.WriteLine(line);
                }
                throw;
            }
            finally
            {
                foreach (var host in hosts) await host.Bot.DisposeAsync();
                foreach (var echo in echoes.Values) await echo.DisposeAsync();
            }
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, Figures> figures, TKey key, RunFigures run) where TKey : notnull
    {
        if (!figures.TryGetValue(key, out var f)) figures[key] = f = new Figures();
        f.Add(run);
    }

    /// <summary>`digest --format json` through the running host's admin endpoint, as the command-line tool sends it (after its proof).</summary>
    private static (double Median, double Max) TimeDigest(string database)
    {
        var endpoint = HostEndpointFile.Read(database) ?? throw new BenchmarkException("The host wrote no endpoint file.");
        var times = new List<double>();
        for (var i = 0; i < DigestCalls; i++)
        {
            var clock = Stopwatch.StartNew();
            var response = AdminClient.TryRun(endpoint, new AdminCliRequest(["digest", "--format", "json"], Environment.CurrentDirectory));
            clock.Stop();
            if (response is not { ExitCode: 0 }) throw new BenchmarkException($"digest through the host failed: {response?.Error}");
            // The first calls compile the code they run.
            if (i >= DigestWarmupCalls) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[^1]);
    }

    /// <summary>Waits until no process used more than 5% of a core over a second (or two minutes have passed).</summary>
    private static async Task SettleAsync(IReadOnlyList<BotProcess> processes, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < QuietLongest)
        {
            var before = processes.Select(p => p.CpuTime).ToList();
            await Task.Delay(QuietWindow, cancellationToken);
            if (processes.Select((p, i) => p.CpuTime - before[i]).All(used => used < QuietWindow * 0.05)) return;
        }
    }

    /// <summary>A copy of the seeded database for another process (each holds its file's lock).</summary>
    private static string Copy(string database, string name)
    {
        var copy = Path.Combine(Path.GetDirectoryName(database)!, name + ".db");
        File.Copy(database, copy);
        return copy;
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
