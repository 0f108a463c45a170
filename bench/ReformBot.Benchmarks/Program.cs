using System.Diagnostics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ReformBot.Benchmarks;
using ReformBot.Core.Digests;

// `--sizes` prints what the benchmarks compute over, and one timed digest of each, without BenchmarkDotNet.
if (args is ["--sizes"])
{
    foreach (var (name, input) in new[] { ("shipped plan, 10 years", DigestData.ShippedPlanTenYears()), ("national store", DigestData.NationalStore()) })
    {
        var watch = Stopwatch.StartNew();
        var digest = DigestCalculator.Compute(input);
        watch.Stop();
        Console.WriteLine(
            $"{name}: {input.Tasks.Count} tasks, {input.Revisions.Count} revisions; {digest.Period}: " +
            $"{digest.Totals.Submitted}/{digest.Totals.Expected} submitted, {digest.Departments.Count} departments, " +
            $"{digest.Behind.Count} behind, {digest.OverdueAgainstPlan.Count} overdue, {digest.Changes.Count} changes, " +
            $"{digest.Totals.Copied} copied; first run {watch.Elapsed.TotalMilliseconds:F1} ms");
    }
    return;
}

var config = DefaultConfig.Instance.AddColumn(StatisticColumn.P95);
BenchmarkSwitcher.FromAssembly(typeof(DigestBenchmarks).Assembly).Run(args, config);
