using ReformBot.Core.Periods;
using static ReformBot.Core.Tests.TestTime;

namespace ReformBot.Core.Tests.Periods;

public class ReportingCalendarTests
{
    private static readonly ReportingCalendar Shanghai = new(new ReportingCalendarOptions());

    private static ReportingCalendar Calendar(string zone, int openDays = 15, int dueDays = 10) =>
        new(new ReportingCalendarOptions { TimeZone = zone, OpenDaysBeforeQuarterEnd = openDays, DueDaysAfterQuarterEnd = dueDays });

    [Fact]
    public void Zone_is_the_configured_one() => Assert.Equal("Asia/Shanghai", Shanghai.Zone.Id);

    [Theory]
    [InlineData("2026Q1", "2026-03-17T00:00:00+08:00", "2026-04-10", "2026-04-11T00:00:00+08:00")]
    [InlineData("2026Q2", "2026-06-16T00:00:00+08:00", "2026-07-10", "2026-07-11T00:00:00+08:00")]
    [InlineData("2026Q3", "2026-09-16T00:00:00+08:00", "2026-10-10", "2026-10-11T00:00:00+08:00")]
    [InlineData("2026Q4", "2026-12-17T00:00:00+08:00", "2027-01-10", "2027-01-11T00:00:00+08:00")]
    public void Default_windows_open_15_days_before_quarter_end_and_are_due_10_days_after(
        string quarter, string opens, string dueDate, string deadline)
    {
        var window = Shanghai.WindowFor(Quarter.Parse(quarter));
        Assert.Equal(Quarter.Parse(quarter), window.Quarter);
        Assert.Equal(opens, Show(window.Opens));
        Assert.Equal(Day(dueDate), window.DueDate);
        Assert.Equal(deadline, Show(window.Deadline));
    }

    [Theory]
    // No lead time: opens as the quarter ends; due on its last day.
    [InlineData("Asia/Shanghai", 0, 0, "2026Q4", "2027-01-01T00:00:00+08:00", "2026-12-31", "2027-01-01T00:00:00+08:00")]
    // Longest lead time opens on the 2nd day of a 90-day Q1, the 3rd of a 91-day one; 60 due days cross February.
    [InlineData("Asia/Shanghai", 89, 60, "2027Q1", "2027-01-02T00:00:00+08:00", "2027-05-30", "2027-05-31T00:00:00+08:00")]
    [InlineData("Asia/Shanghai", 89, 60, "2028Q1", "2028-01-03T00:00:00+08:00", "2028-05-30", "2028-05-31T00:00:00+08:00")]
    [InlineData("Asia/Shanghai", 15, 60, "2026Q4", "2026-12-17T00:00:00+08:00", "2027-03-01", "2027-03-02T00:00:00+08:00")]
    [InlineData("UTC", 15, 10, "2026Q4", "2026-12-17T00:00:00+00:00", "2027-01-10", "2027-01-11T00:00:00+00:00")]
    // DST zones: each instant carries the offset in force on its own day.
    [InlineData("America/New_York", 15, 10, "2026Q1", "2026-03-17T00:00:00-04:00", "2026-04-10", "2026-04-11T00:00:00-04:00")]
    [InlineData("America/New_York", 15, 10, "2026Q4", "2026-12-17T00:00:00-05:00", "2027-01-10", "2027-01-11T00:00:00-05:00")]
    [InlineData("Europe/Berlin", 5, 30, "2026Q1", "2026-03-27T00:00:00+01:00", "2026-04-30", "2026-05-01T00:00:00+02:00")]
    [InlineData("Europe/Berlin", 15, 30, "2026Q3", "2026-09-16T00:00:00+02:00", "2026-10-30", "2026-10-31T00:00:00+01:00")]
    // Havana moves its clocks at midnight: 2026-03-08 begins at 01:00 (00:00 is skipped), and
    // 2026-11-01 begins at the first of its two midnights.
    [InlineData("America/Havana", 24, 10, "2026Q1", "2026-03-08T01:00:00-04:00", "2026-04-10", "2026-04-11T00:00:00-04:00")]
    [InlineData("America/Havana", 15, 31, "2026Q3", "2026-09-16T00:00:00-04:00", "2026-10-31", "2026-11-01T00:00:00-04:00")]
    public void Windows_follow_the_options_and_the_zone(
        string zone, int openDays, int dueDays, string quarter, string opens, string dueDate, string deadline)
    {
        var window = Calendar(zone, openDays, dueDays).WindowFor(Quarter.Parse(quarter));
        Assert.Equal(opens, Show(window.Opens));
        Assert.Equal(Day(dueDate), window.DueDate);
        Assert.Equal(deadline, Show(window.Deadline));
    }

    [Fact]
    public void Calendar_keeps_the_options_it_was_built_with()
    {
        var options = new ReportingCalendarOptions();
        var calendar = new ReportingCalendar(options);
        options.OpenDaysBeforeQuarterEnd = 0;
        options.DueDaysAfterQuarterEnd = 0;
        options.TimeZone = "UTC";

        var window = calendar.WindowFor(Quarter.Parse("2026Q4"));
        Assert.Equal("2026-12-17T00:00:00+08:00", Show(window.Opens));
        Assert.Equal("2027-01-11T00:00:00+08:00", Show(window.Deadline));
        Assert.Equal("Asia/Shanghai", calendar.Zone.Id);
    }

    [Theory]
    [InlineData("2026-11-28T12:00:00+08:00", "2026Q3")]
    [InlineData("2026-12-16T23:59:59.9999999+08:00", "2026Q3")]
    [InlineData("2026-12-17T00:00:00+08:00", "2026Q4")]
    // The same two instants written in UTC.
    [InlineData("2026-12-16T15:59:59.9999999+00:00", "2026Q3")]
    [InlineData("2026-12-16T16:00:00+00:00", "2026Q4")]
    // Across the year end Q4 stays current until Q1's window opens in March.
    [InlineData("2026-12-31T16:00:00+00:00", "2026Q4")]
    [InlineData("2027-01-05T09:00:00+08:00", "2026Q4")]
    [InlineData("2027-01-11T00:00:00+08:00", "2026Q4")]
    [InlineData("2027-03-16T23:59:59.9999999+08:00", "2026Q4")]
    [InlineData("2027-03-17T00:00:00+08:00", "2027Q1")]
    [InlineData("2026-01-01T00:00:00+08:00", "2025Q4")]
    [InlineData("2026-04-01T00:00:00+08:00", "2026Q1")]
    public void CurrentPeriod_is_the_latest_quarter_whose_window_opened(string now, string quarter) =>
        Assert.Equal(Quarter.Parse(quarter), Shanghai.CurrentPeriod(At(now)));

    [Theory]
    // With no lead time a quarter stays current through the whole next quarter.
    [InlineData("Asia/Shanghai", 0, "2026-12-31T23:59:59.9999999+08:00", "2026Q3")]
    [InlineData("Asia/Shanghai", 0, "2027-01-01T00:00:00+08:00", "2026Q4")]
    [InlineData("Asia/Shanghai", 0, "2027-03-31T23:59:59.9999999+08:00", "2026Q4")]
    [InlineData("Asia/Shanghai", 89, "2027-01-01T12:00:00+08:00", "2026Q4")]
    [InlineData("Asia/Shanghai", 89, "2027-01-02T00:00:00+08:00", "2027Q1")]
    // 2027-04-01T02:00Z is still 2027-03-31 in New York: Q1 has not ended, so its window has not opened.
    [InlineData("America/New_York", 0, "2027-04-01T02:00:00+00:00", "2026Q4")]
    [InlineData("America/New_York", 0, "2027-04-01T04:00:00+00:00", "2027Q1")]
    [InlineData("America/New_York", 15, "2026-03-17T03:59:59.9999999+00:00", "2025Q4")]
    [InlineData("America/New_York", 15, "2026-03-17T04:00:00+00:00", "2026Q1")]
    [InlineData("America/Havana", 24, "2026-03-08T04:59:59.9999999+00:00", "2025Q4")]
    [InlineData("America/Havana", 24, "2026-03-08T05:00:00+00:00", "2026Q1")]
    public void CurrentPeriod_with_other_options(string zone, int openDays, string now, string quarter) =>
        Assert.Equal(Quarter.Parse(quarter), Calendar(zone, openDays).CurrentPeriod(At(now)));

    [Theory]
    [InlineData("2026-12-16T23:59:59.9999999+08:00", false)]
    [InlineData("2026-12-17T00:00:00+08:00", true)]
    [InlineData("2026-12-16T16:00:00+00:00", true)]
    [InlineData("2027-02-01T00:00:00+08:00", true)]
    public void Window_is_open_from_Opens_on(string now, bool open) =>
        Assert.Equal(open, Shanghai.WindowFor(Quarter.Parse("2026Q4")).IsOpenAt(At(now)));

    [Theory]
    [InlineData("2026-12-17T00:00:00+08:00", false)]
    [InlineData("2027-01-10T23:59:59.9999999+08:00", false)]
    [InlineData("2027-01-11T00:00:00+08:00", true)]
    [InlineData("2027-01-10T15:59:59.9999999+00:00", false)]
    [InlineData("2027-01-10T16:00:00+00:00", true)]
    [InlineData("2027-02-01T00:00:00+08:00", true)]
    public void Report_is_late_from_the_deadline_on(string submittedAt, bool late) =>
        Assert.Equal(late, Shanghai.WindowFor(Quarter.Parse("2026Q4")).IsLate(At(submittedAt)));

    [Theory]
    // Havana's 2026-11-01 has two midnights; the deadline is the first, so the repeated hour is late.
    [InlineData("2026-10-31T23:59:59.9999999-04:00", false)]
    [InlineData("2026-11-01T00:00:00-04:00", true)]
    [InlineData("2026-11-01T00:00:00-05:00", true)]
    public void Deadline_on_a_repeated_midnight_is_the_first(string submittedAt, bool late) =>
        Assert.Equal(late, Calendar("America/Havana", dueDays: 31).WindowFor(Quarter.Parse("2026Q3")).IsLate(At(submittedAt)));

    [Theory]
    [InlineData("Asia/Shanghai", "2026-12-31T15:59:59.9999999+00:00", 2026, "2026-12-31")]
    [InlineData("Asia/Shanghai", "2026-12-31T16:00:00+00:00", 2027, "2027-01-01")]
    [InlineData("UTC", "2026-12-31T16:00:00+00:00", 2026, "2026-12-31")]
    [InlineData("UTC", "2027-01-01T07:00:00+08:00", 2026, "2026-12-31")]
    [InlineData("America/New_York", "2027-01-01T04:59:59.9999999+00:00", 2026, "2026-12-31")]
    [InlineData("America/New_York", "2027-01-01T05:00:00+00:00", 2027, "2027-01-01")]
    public void LocalYear_and_LocalDate_read_the_zone_calendar(string zone, string now, int year, string date)
    {
        var calendar = Calendar(zone);
        Assert.Equal(year, calendar.LocalYear(At(now)));
        Assert.Equal(Day(date), calendar.LocalDate(At(now)));
    }
}
