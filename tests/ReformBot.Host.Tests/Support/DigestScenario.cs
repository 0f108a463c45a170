using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Tests.Support;

/// <summary>
/// Reports of 2026Q4 (and one of 2026Q3) for the shipped plan, with every status, a late one, a
/// copied one and texts that must survive exactly; and the digest they make.
/// </summary>
public static class DigestScenario
{
    public static readonly Quarter Q4 = Quarter.Parse("2026Q4");

    /// <summary>2026-12-20 10:00 in Shanghai: 2026Q4 is open, due 2027-01-10.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public const string Problems = "  资金拨付滞后，*配套*政策未出台；\n人员不足 <待补充> ";

    public static ReportContent Content(ReportStatus status, string progress = "进展顺利", string problems = "无", int? percent = null,
        params string[] evidence) => new(status, progress, problems, "下一步继续推进", percent, evidence);

    /// <summary>Appends the scenario's revisions; returns how many of 2026Q4 it appended.</summary>
    public static int Append(IReportRepository reports, DateTimeOffset? at = null)
    {
        var now = at ?? Now;
        // 科技厅 leads tasks 1, 2, …: a mix of answers, one revised, one late, one copied from last quarter.
        reports.Append(new ReportKey(1, "科技厅", Q4.Previous()), Content(ReportStatus.OnTrack, "去年的进展"), "c-kjt", now.AddMonths(-3), late: false);
        reports.Append(new ReportKey(1, "科技厅", Q4), Content(ReportStatus.OnTrack, "去年的进展"), "c-kjt", now.AddDays(-2), late: false);
        reports.Append(new ReportKey(2, "科技厅", Q4), Content(ReportStatus.OnTrack, "第一版"), "c-kjt", now.AddDays(-10), late: false);
        reports.Append(new ReportKey(2, "科技厅", Q4), Content(ReportStatus.Behind, "第二版", Problems, 40, "https://example.org/a", "https://example.org/b"),
            "c-kjt", now.AddDays(-1), late: false);
        reports.Append(new ReportKey(61, "新疆银监局", Q4), Content(ReportStatus.Completed, percent: 100), "c-yjj", now.AddHours(-3), late: true);
        reports.Append(new ReportKey(6, "国资委", Q4), Content(ReportStatus.NotStarted), "c-unknown", now.AddHours(-1), late: false);
        return 5;
    }

    public static Digest Compute(IPlanRepository plans, IReportRepository reports, DigestFilter? filter = null, DateTimeOffset? now = null) =>
        DigestCalculator.Compute(new DigestInput(plans.Tasks(), reports.All(), new ReportingCalendar(new ReportingCalendarOptions()),
            now ?? Now, Q4, Since: (now ?? Now).AddDays(-7), Filter: filter));
}
