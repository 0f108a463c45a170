using BenchmarkDotNet.Attributes;
using ReformBot.Core.Digests;

namespace ReformBot.Benchmarks;

/// <summary>The digest of the latest period. Targets: under 20 ms for the shipped plan, under 500 ms for a national store.</summary>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private DigestInput _shipped = null!;
    private DigestInput _national = null!;

    [GlobalSetup]
    public void Setup()
    {
        _shipped = DigestData.ShippedPlanTenYears();
        _national = DigestData.NationalStore();
    }

    /// <summary>119 tasks, 40 quarters of history.</summary>
    [Benchmark(Baseline = true)]
    public Digest ShippedPlan10Years() => DigestCalculator.Compute(_shipped);

    /// <summary>30 plans × 119 tasks, 200,000 revisions.</summary>
    [Benchmark]
    public Digest NationalStore200k() => DigestCalculator.Compute(_national);
}
