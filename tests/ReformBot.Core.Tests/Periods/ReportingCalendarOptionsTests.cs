using ReformBot.Core.Periods;

namespace ReformBot.Core.Tests.Periods;

public class ReportingCalendarOptionsTests
{
    [Fact]
    public void Defaults_are_Shanghai_open_15_days_before_due_10_days_after()
    {
        var options = new ReportingCalendarOptions();
        Assert.Equal("Asia/Shanghai", options.TimeZone);
        Assert.Equal(15, options.OpenDaysBeforeQuarterEnd);
        Assert.Equal(10, options.DueDaysAfterQuarterEnd);
        Assert.Equal("Asia/Shanghai", options.Validate().Id);
    }

    [Theory]
    [InlineData("Asia/Shanghai", 0, 0)]
    [InlineData("UTC", 89, 60)]
    [InlineData("Europe/Berlin", 15, 10)]
    [InlineData("America/New_York", 30, 30)]
    public void Validate_accepts_settings_in_range_and_resolves_the_zone(string zone, int openDays, int dueDays)
    {
        var options = new ReportingCalendarOptions
        {
            TimeZone = zone, OpenDaysBeforeQuarterEnd = openDays, DueDaysAfterQuarterEnd = dueDays,
        };
        Assert.Equal(zone, options.Validate().Id);
    }

    [Theory]
    [InlineData(-1, 10, "OpenDaysBeforeQuarterEnd")]
    [InlineData(90, 10, "OpenDaysBeforeQuarterEnd")]
    [InlineData(15, -1, "DueDaysAfterQuarterEnd")]
    [InlineData(15, 61, "DueDaysAfterQuarterEnd")]
    public void Validate_rejects_day_counts_out_of_range_naming_the_setting(int openDays, int dueDays, string setting)
    {
        var options = new ReportingCalendarOptions { OpenDaysBeforeQuarterEnd = openDays, DueDaysAfterQuarterEnd = dueDays };
        var e = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.StartsWith($"ReformBot:Reporting:{setting} must be", e.Message);
        Assert.StartsWith($"ReformBot:Reporting:{setting} must be", Assert.Single(options.Problems()));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void Validate_rejects_an_unknown_zone_naming_the_setting(string zone)
    {
        var options = new ReportingCalendarOptions { TimeZone = zone };
        var e = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.StartsWith($"ReformBot:Reporting:TimeZone '{zone}' is not a time zone", e.Message);
    }

    [Fact]
    public void Validate_rejects_a_missing_zone()
    {
        var options = new ReportingCalendarOptions { TimeZone = null! };
        Assert.StartsWith("ReformBot:Reporting:TimeZone", Assert.Throws<ArgumentException>(() => options.Validate()).Message);
    }

    [Fact]
    public void Calendar_refuses_invalid_options()
    {
        var options = new ReportingCalendarOptions { DueDaysAfterQuarterEnd = 61 };
        var e = Assert.Throws<ArgumentException>(() => new ReportingCalendar(options));
        Assert.StartsWith("ReformBot:Reporting:DueDaysAfterQuarterEnd", e.Message);
    }
}
