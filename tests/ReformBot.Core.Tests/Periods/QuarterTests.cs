using ReformBot.Core.Periods;
using static ReformBot.Core.Tests.TestTime;

namespace ReformBot.Core.Tests.Periods;

public class QuarterTests
{
    [Theory]
    [InlineData("2026Q4", 2026, 4)]
    [InlineData("2026q4", 2026, 4)]
    [InlineData("2017Q1", 2017, 1)]
    [InlineData("  2026Q2\t\n", 2026, 2)]
    [InlineData("1000Q1", 1000, 1)]
    [InlineData("9998Q4", 9998, 4)]
    public void Parse_reads_year_and_number(string text, int year, int number)
    {
        Assert.Equal(new Quarter(year, number), Quarter.Parse(text));
        Assert.True(Quarter.TryParse(text, out var parsed));
        Assert.Equal(year, parsed.Year);
        Assert.Equal(number, parsed.Number);
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("26Q1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026")]
    [InlineData("2026Q")]
    [InlineData("2026Q44")]
    [InlineData("02026Q1")]
    [InlineData("2026-Q1")]
    [InlineData("2026 Q1")]
    [InlineData("Q42026")]
    [InlineData("2026X1")]
    [InlineData("+026Q1")]
    [InlineData("２０２６Q1")]
    [InlineData("2026Ｑ1")]
    [InlineData("0999Q4")]
    [InlineData("9999Q1")]
    public void Parse_rejects_anything_but_YYYYQn(string text)
    {
        Assert.False(Quarter.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
        Assert.Throws<FormatException>(() => Quarter.Parse(text));
    }

    [Fact]
    public void Null_is_not_a_quarter()
    {
        Assert.False(Quarter.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => Quarter.Parse(null!));
    }

    [Theory]
    [InlineData(2026, 1, "2026Q1")]
    [InlineData(2026, 4, "2026Q4")]
    [InlineData(1000, 2, "1000Q2")]
    [InlineData(9998, 3, "9998Q3")]
    public void ToString_prints_what_Parse_reads(int year, int number, string text)
    {
        var quarter = new Quarter(year, number);
        Assert.Equal(text, quarter.ToString());
        Assert.Equal(quarter, Quarter.Parse(quarter.ToString()));
    }

    [Theory]
    [InlineData(2026, 0, "Number")]
    [InlineData(2026, 5, "Number")]
    [InlineData(2026, -1, "Number")]
    [InlineData(999, 1, "Year")]
    [InlineData(9999, 1, "Year")]
    [InlineData(0, 0, "Year")]
    public void Constructor_rejects_out_of_range_parts(int year, int number, string paramName)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(year, number));
        Assert.Equal(paramName, e.ParamName);
    }

    [Theory]
    [InlineData("2026Q1", "2026Q2")]
    [InlineData("2026Q2", "2026Q3")]
    [InlineData("2026Q3", "2026Q4")]
    [InlineData("2026Q4", "2027Q1")]
    [InlineData("1999Q4", "2000Q1")]
    public void Next_and_Previous_step_one_quarter_across_year_ends(string from, string next)
    {
        Assert.Equal(Quarter.Parse(next), Quarter.Parse(from).Next());
        Assert.Equal(Quarter.Parse(from), Quarter.Parse(next).Previous());
    }

    [Fact]
    public void Stepping_past_the_supported_years_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(Quarter.MaxYear, 4).Next());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(Quarter.MinYear, 1).Previous());
    }

    [Theory]
    [InlineData("2026Q1", "2026Q2", -1)]
    [InlineData("2026Q4", "2027Q1", -1)]
    [InlineData("2027Q1", "2026Q4", 1)]
    [InlineData("2026Q3", "2026Q3", 0)]
    [InlineData("2025Q4", "2026Q1", -1)]
    [InlineData("2027Q1", "2026Q2", 1)]
    public void Quarters_order_by_year_then_number(string left, string right, int sign)
    {
        var a = Quarter.Parse(left);
        var b = Quarter.Parse(right);
        Assert.Equal(sign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(sign < 0, a < b);
        Assert.Equal(sign <= 0, a <= b);
        Assert.Equal(sign > 0, a > b);
        Assert.Equal(sign >= 0, a >= b);
        Assert.Equal(sign == 0, a == b);
    }

    [Fact]
    public void Sorting_follows_time()
    {
        var sorted = new[] { "2027Q1", "2026Q4", "2026Q1", "2025Q4" }.Select(Quarter.Parse).Order().Select(q => q.ToString());
        Assert.Equal(["2025Q4", "2026Q1", "2026Q4", "2027Q1"], sorted);
    }

    [Theory]
    [InlineData("2026Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2026Q3", "2026-07-01", "2026-09-30")]
    [InlineData("2026Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2028Q1", "2028-01-01", "2028-03-31")]
    public void FirstDay_and_LastDay_bound_the_quarter(string quarter, string first, string last)
    {
        var q = Quarter.Parse(quarter);
        Assert.Equal(Day(first), q.FirstDay);
        Assert.Equal(Day(last), q.LastDay);
    }

    [Theory]
    [InlineData("2026-01-01", "2026Q1")]
    [InlineData("2026-03-31", "2026Q1")]
    [InlineData("2026-04-01", "2026Q2")]
    [InlineData("2026-06-30", "2026Q2")]
    [InlineData("2026-07-01", "2026Q3")]
    [InlineData("2026-09-30", "2026Q3")]
    [InlineData("2026-10-01", "2026Q4")]
    [InlineData("2026-12-31", "2026Q4")]
    public void Containing_a_date(string date, string quarter) =>
        Assert.Equal(Quarter.Parse(quarter), Quarter.Containing(Day(date)));

    [Theory]
    [InlineData("Asia/Shanghai", "2026Q4", "2026-10-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00")]
    [InlineData("Asia/Shanghai", "2026Q1", "2026-01-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00")]
    [InlineData("UTC", "2026Q4", "2026-10-01T00:00:00+00:00", "2027-01-01T00:00:00+00:00")]
    [InlineData("UTC", "2026Q2", "2026-04-01T00:00:00+00:00", "2026-07-01T00:00:00+00:00")]
    // New York: DST from 2026-03-08 to 2026-11-01, so quarters can start and end on different offsets.
    [InlineData("America/New_York", "2026Q1", "2026-01-01T00:00:00-05:00", "2026-04-01T00:00:00-04:00")]
    [InlineData("America/New_York", "2026Q2", "2026-04-01T00:00:00-04:00", "2026-07-01T00:00:00-04:00")]
    [InlineData("America/New_York", "2026Q4", "2026-10-01T00:00:00-04:00", "2027-01-01T00:00:00-05:00")]
    // Berlin: DST from 2026-03-29 to 2026-10-25.
    [InlineData("Europe/Berlin", "2026Q1", "2026-01-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00")]
    [InlineData("Europe/Berlin", "2026Q4", "2026-10-01T00:00:00+02:00", "2027-01-01T00:00:00+01:00")]
    // Sydney: southern-hemisphere DST, ending 2026-04-05.
    [InlineData("Australia/Sydney", "2026Q2", "2026-04-01T00:00:00+11:00", "2026-07-01T00:00:00+10:00")]
    public void StartIn_and_EndIn_are_local_midnights_with_the_offset_then(string zone, string quarter, string start, string end)
    {
        var q = Quarter.Parse(quarter);
        Assert.Equal(start, Show(q.StartIn(Zone(zone))));
        Assert.Equal(end, Show(q.EndIn(Zone(zone))));
    }

    [Fact]
    public void EndIn_the_last_supported_year_is_representable() =>
        Assert.Equal("9999-01-01T00:00:00+08:00", Show(new Quarter(Quarter.MaxYear, 4).EndIn(Zone("Asia/Shanghai"))));

    [Theory]
    [InlineData("2026-09-30T16:30:00+00:00", "Asia/Shanghai", "2026Q4")]
    [InlineData("2026-09-30T16:30:00+00:00", "UTC", "2026Q3")]
    [InlineData("2026-09-30T15:59:59.9999999+00:00", "Asia/Shanghai", "2026Q3")]
    [InlineData("2026-09-30T16:00:00+00:00", "Asia/Shanghai", "2026Q4")]
    [InlineData("2026-10-01T00:30:00+08:00", "UTC", "2026Q3")]
    [InlineData("2026-12-31T23:59:59.9999999+00:00", "UTC", "2026Q4")]
    [InlineData("2027-01-01T00:00:00+00:00", "UTC", "2027Q1")]
    [InlineData("2027-01-01T04:59:59.9999999+00:00", "America/New_York", "2026Q4")]
    [InlineData("2027-01-01T05:00:00+00:00", "America/New_York", "2027Q1")]
    [InlineData("2026-07-01T03:59:59.9999999+00:00", "America/New_York", "2026Q2")]
    [InlineData("2026-07-01T04:00:00+00:00", "America/New_York", "2026Q3")]
    [InlineData("2026-03-31T21:59:59.9999999+00:00", "Europe/Berlin", "2026Q1")]
    [InlineData("2026-03-31T22:00:00+00:00", "Europe/Berlin", "2026Q2")]
    public void Containing_reads_the_wall_calendar_of_the_zone(string instant, string zone, string quarter) =>
        Assert.Equal(Quarter.Parse(quarter), Quarter.Containing(At(instant), Zone(zone)));

    public static TheoryData<string> Zones() =>
        ["Asia/Shanghai", "UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Havana", "America/Santiago"];

    [Theory]
    [MemberData(nameof(Zones))]
    public void Quarters_tile_time_in_every_zone(string zoneId)
    {
        var zone = Zone(zoneId);
        for (var q = new Quarter(2024, 1); q < new Quarter(2029, 1); q = q.Next())
        {
            Assert.Equal(q.Next().StartIn(zone), q.EndIn(zone));
            Assert.Equal(q, Quarter.Containing(q.StartIn(zone), zone));
            Assert.Equal(q.Previous(), Quarter.Containing(q.StartIn(zone).AddTicks(-1), zone));
            Assert.Equal(zone.GetUtcOffset(q.StartIn(zone)), q.StartIn(zone).Offset);
        }
    }
}
