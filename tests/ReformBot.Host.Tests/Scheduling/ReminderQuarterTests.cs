using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Scheduling;

/// <summary>A whole quarter of reminders through the real Quartz scheduler on a fake clock, with the machine in UTC.</summary>
public sealed class ReminderQuarterTests : IAsyncLifetime
{
    private static readonly Quarter Q4 = Quarter.Parse("2026Q4");
    private readonly TempDirectory _dir = new();
    private SchedulerHarness _scheduler = null!;

    public async Task InitializeAsync() =>
        // Wednesday 2026-12-16, 08:00 in Shanghai: the day before 2026Q4 opens. 2027-01-01 is a holiday.
        _scheduler = await SchedulerHarness.StartAsync(_dir.DatabasePath, new DateTimeOffset(2026, 12, 16, 8, 0, 0, TimeSpan.FromHours(8)),
            new() { ["ReformBot:Reminders:Holidays:0"] = "2027-01-01" });

    public async Task DisposeAsync()
    {
        await _scheduler.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_cadence_runs_on_the_right_days_at_nine_local_and_stops_for_a_department_that_reports()
    {
        _scheduler.AddContact("bank", false, "新疆银监局");  // leads 59, 61
        _scheduler.AddContact("sasac", false, "国资委");     // leads 6, 43, 52, 86…
        _scheduler.AddContact("office", true);
        var reports = _scheduler.Get<IReportRepository>();

        for (var day = new DateTime(2026, 12, 16); day <= new DateTime(2027, 1, 18); day = day.AddDays(1))
        {
            if (day == new DateTime(2027, 1, 5))
                foreach (var task in _scheduler.Get<IPlanRepository>().Tasks().Where(t => t.LeadDepartments.Contains("国资委")))
                    reports.Append(new ReportKey(task.Number, "国资委", Q4), new ReportContent(ReportStatus.OnTrack, "推进中", "无", "继续", null, []), "sasac", _scheduler.Time.GetUtcNow(), late: false);
            await _scheduler.RunAtAsync(ReminderJob.Key, day.AddHours(9));
        }

        var log = _scheduler.Get<IReminderLog>().ForPeriod(Q4);
        string Sent(string contact) => string.Join(" ", log.Where(r => r.Key.ContactId == contact && r.State == ReminderState.Sent)
            .OrderBy(r => r.UpdatedAt).Select(r => $"{r.Key.Kind}@{TimeZoneInfo.ConvertTime(r.UpdatedAt, _scheduler.Get<ReportingCalendar>().Zone):MM-dd HH:mm}"));

        Assert.Equal("opened@12-17 09:00 due-7@12-31 09:00 due-3@01-07 09:00 due-0@01-08 09:00 overdue-1@01-11 09:00 overdue-2@01-12 09:00 overdue-3@01-13 09:00", Sent("bank"));
        Assert.Equal("opened@12-17 09:00 due-7@12-31 09:00", Sent("sasac"));
        Assert.Equal("escalation@01-14 09:00", Sent("office"));

        Assert.Equal(7, _scheduler.MessagesTo("bank").Count);
        Assert.Contains("2026年第4季度重点任务进展汇报已开始，截止日期为2027年1月10日", _scheduler.MessagesTo("bank")[0]);
        Assert.Contains("新疆银监局：还有 2 项牵头任务未汇报（第 59、61 项）", _scheduler.MessagesTo("bank")[0]);
        Assert.Contains("还有 7 天", _scheduler.MessagesTo("bank")[1]);
        Assert.Contains("已于2027年1月10日截止", _scheduler.MessagesTo("bank")[4]);
        var escalation = Assert.Single(_scheduler.MessagesTo("office"));
        Assert.Contains("新疆银监局：2 项未报；联络员：联络员bank", escalation);
        Assert.DoesNotContain("国资委", escalation);
        Assert.Contains("科技厅", escalation);
        Assert.Contains("尚无联络员", escalation);
    }
}
