using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Storage;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Digests;

/// <summary>Computes a digest from the store: the plan, every revision, the period being reported, the clock.</summary>
public sealed class DigestService(IPlanRepository plans, IReportRepository reports, ReportingPeriods periods, TimeProvider time)
{
    /// <param name="period">Null: the period being reported (with the office's override).</param>
    /// <param name="since">When the previous digest went out, for "what changed"; null lists every report as new.</param>
    public Digest Compute(Quarter? period = null, DigestFilter? filter = null, DateTimeOffset? since = null)
    {
        var quarter = period ?? periods.Current();
        return DigestCalculator.Compute(new DigestInput(
            plans.Tasks(), reports.All(), periods.Calendar, time.GetUtcNow(), quarter, since, filter, Returns: reports.ReturnsForPeriod(quarter),
            Notes: reports.NotesForPeriod(quarter)));
    }

    /// <summary>Seven days before now: "what changed" of a digest asked for on demand covers the last week.</summary>
    public DateTimeOffset WeekAgo() => time.GetUtcNow() - TimeSpan.FromDays(7);
}
