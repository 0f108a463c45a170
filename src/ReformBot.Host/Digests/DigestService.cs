using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Digests;

/// <summary>Computes a digest from the store: the plan, the revisions it needs, the period being reported, the clock.</summary>
public sealed class DigestService(IPlanRepository plans, IReportRepository reports, ReportingPeriods periods, TimeProvider time)
{
    /// <param name="period">Null: the period being reported (with the office's override).</param>
    /// <param name="since">When the previous digest went out, for "what changed"; null lists every report as new.</param>
    public Digest Compute(Quarter? period = null, DigestFilter? filter = null, DateTimeOffset? since = null)
    {
        var quarter = period ?? periods.Current();
        return DigestCalculator.Compute(new DigestInput(
            plans.Tasks(), Revisions(quarter, since), periods.Calendar, time.GetUtcNow(), quarter, since, filter, Returns: reports.ReturnsForPeriod(quarter),
            Notes: reports.NotesForPeriod(quarter)));
    }

    /// <summary>Seven days before now: "what changed" of a digest asked for on demand covers the last week.</summary>
    public DateTimeOffset WeekAgo() => time.GetUtcNow() - TimeSpan.FromDays(7);

    /// <summary>
    /// The revisions that decide the digest, read from what the store keeps current rather than the whole
    /// history; the calculator gives the same digest from them as from every revision: each report's latest
    /// of the period and of the one before (status, copied), one 已完成 of any period per (task, department)
    /// (overdue against the plan), and of a report submitted to after <paramref name="since"/>, the revision
    /// in force then (what it said, against which its latest is a change). Revisions of a report are numbered
    /// in the order they are submitted, so a report whose latest is not newer than <paramref name="since"/>
    /// has no revision that is.
    /// </summary>
    private IReadOnlyList<ReportRevision> Revisions(Quarter period, DateTimeOffset? since)
    {
        var latest = reports.LatestForPeriod(period);
        IEnumerable<ReportRevision> revisions = latest;
        if (period is not { Year: Quarter.MinYear, Number: 1 }) revisions = revisions.Concat(reports.LatestForPeriod(period.Previous()));
        revisions = revisions.Concat(reports.Completions());
        if (since is { } s)
            revisions = revisions.Concat(reports.InForceAt(s, latest.Where(r => r.SubmittedAt > s && r.Revision > 1).Select(r => r.Key)));
        return revisions.DistinctBy(r => (r.Key, r.Revision)).ToList();
    }
}
