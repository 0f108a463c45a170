using System.Diagnostics;
using ReformBot.TurnBenchmark;

// Turns of the real host beside an echo bot of the same packages and state store, at several sizes of
// history: see bench/README.md.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {Bench.LoadAverage()}, .NET {Environment.Version}");
Console.WriteLine($"rounds {options.Rounds} of {options.Duration.TotalSeconds:0.#} s, warm-up {options.Warmup.TotalSeconds:0.#} s, connections {string.Join(", ", options.Connections)}");
var clock = Stopwatch.StartNew();
var results = new List<HistoryResult>();
try
{
    foreach (var revisions in options.Histories)
        results.Add(await Bench.RunHistoryAsync(revisions, options, CancellationToken.None));
    Console.WriteLine();
    Console.WriteLine(Report.Targets(results, options));
    Console.WriteLine($"total {clock.Elapsed.TotalMinutes:0.#} min, load average at the end {Bench.LoadAverage()}");
    return 0;
}
catch (BenchmarkException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

