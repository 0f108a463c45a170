using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Messages;

/// <summary>Periods, dates, local times, statuses and names: as every part of the bot writes them.</summary>
public sealed class TextFormatTests
{
    private static readonly DateTimeOffset NewYearInShanghai = new(2026, 12, 31, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_period_reads_as_year_and_quarter() =>
        Assert.Equal("2026年第4季度", TestFiles.Format.Period(Quarter.Parse("2026Q4")));

    [Fact]
    public void Instants_read_as_the_reporting_zones_local_day_and_time()
    {
        Assert.Equal("2027年1月1日", TestFiles.Format.LocalDate(NewYearInShanghai));
        Assert.Equal("2027-01-01 00:30", TestFiles.Format.LocalTime(NewYearInShanghai));
        Assert.Equal("2027-01-01", TestFiles.Format.LocalDay(NewYearInShanghai));
        Assert.Equal(TimeSpan.FromHours(8), TestFiles.Format.Local(NewYearInShanghai).Offset);
        Assert.Equal("2027年1月10日", TestFiles.Format.Date(new DateOnly(2027, 1, 10)));
    }

    [Fact]
    public void Statuses_and_lists_read_in_the_catalogs_words()
    {
        Assert.Equal("按计划推进", TestFiles.Format.Status(ReportStatus.OnTrack));
        Assert.Equal("科技厅、财政厅", TestFiles.Format.List(["科技厅", "财政厅"]));
        Assert.Equal("1、2", TestFiles.Format.List([1, 2]));
    }

    [Theory]
    [InlineData("3.2", "第 3.2 项")]
    [InlineData("80", "第 80 项")]
    [InlineData("一", "第一项")]
    [InlineData("十二", "第十二项")]
    public void A_task_reference_sets_digits_apart_and_runs_Chinese_numerals_into_the_words(string label, string reference) =>
        Assert.Equal(reference, TestFiles.Format.TaskReference(label));
}
