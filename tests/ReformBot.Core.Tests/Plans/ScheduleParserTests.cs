using ReformBot.Core.Plans;

namespace ReformBot.Core.Tests.Plans;

public class ScheduleParserTests
{
    [Theory]
    [InlineData("持续推进", "持续推进", null, null, null, true)]
    [InlineData("2016年启动", "2016年启动", 2016, null, null, false)]
    [InlineData("2017年启动", "2017年启动", 2017, null, null, false)]
    [InlineData("2016年启动，持续推进", "2016年启动，持续推进", 2016, null, null, true)]
    [InlineData("2017年启动,持续推进", "2017年启动,持续推进", 2017, null, null, true)]
    [InlineData("2017年完成", "2017年完成", null, 2017, null, false)]
    [InlineData("2020年完成", "2020年完成", null, 2020, null, false)]
    [InlineData("2016年已完成", "2016年已完成", null, null, 2016, false)]
    [InlineData("2017年底前完成", "2017年底前完成", null, 2017, null, false)]
    [InlineData("2017年底完成", "2017年底完成", null, 2017, null, false)]
    [InlineData("2016年启动，2018年完成", "2016年启动，2018年完成", 2016, 2018, null, false)]
    [InlineData("2016年 启动， 持续 推进", "2016年启动，持续推进", 2016, null, null, true)]
    [InlineData(" 2018年完成 ", "2018年完成", null, 2018, null, false)]
    public void Schedule_cell_gives_years_and_ongoing(string cell, string text, int? start, int? due, int? done, bool ongoing)
    {
        var schedule = ScheduleParser.Parse(cell);

        Assert.Equal(new Schedule(text, start, due, done, ongoing), schedule);
        Assert.False(schedule.IsEmpty);
    }

    [Fact]
    public void Already_done_is_not_a_due_year()
    {
        // A task done in 2016 can never be overdue against the plan.
        var schedule = ScheduleParser.Parse("2016年已完成");

        Assert.Null(schedule.DueYear);
        Assert.Equal(2016, schedule.DoneYear);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u3000")]
    public void Empty_cell_is_the_empty_schedule(string cell)
    {
        var schedule = ScheduleParser.Parse(cell);

        Assert.Same(Schedule.Empty, schedule);
        Assert.True(schedule.IsEmpty);
        Assert.Equal(new Schedule("", null, null, null, false), schedule);
    }

    [Fact]
    public void Unknown_wording_is_kept_as_text_without_years_and_reported_as_unread()
    {
        var (schedule, unread) = ScheduleParser.Read("视情况而定");

        Assert.Equal(new Schedule("视情况而定", null, null, null, false), schedule);
        Assert.Equal("视情况而定", unread);
    }

    [Theory]
    [InlineData("2026年6月底前", 2026, "2026-06-30")]
    [InlineData("2026年6月底前完成", 2026, "2026-06-30")]
    [InlineData("2017年6月底前完成", 2017, "2017-06-30")]
    [InlineData("2026年6月", 2026, "2026-06-30")]
    [InlineData("2024年2月", 2024, "2024-02-29")]
    [InlineData("2026年第二季度", 2026, "2026-06-30")]
    [InlineData("2026年二季度", 2026, "2026-06-30")]
    [InlineData("2026年第1季度", 2026, "2026-03-31")]
    [InlineData("2026年上半年", 2026, "2026-06-30")]
    [InlineData("2026年9月15日前", 2026, "2026-09-15")]
    [InlineData("２０２６年６月底前", 2026, "2026-06-30")]
    // Two due points: the task is due at the last.
    [InlineData("2026年6月底前出台方案，2027年3月底前完成", 2027, "2027-03-31")]
    public void A_due_month_quarter_or_day_is_a_due_date_at_its_end(string cell, int dueYear, string dueBy)
    {
        var (schedule, _) = ScheduleParser.Read(cell);

        Assert.Equal(dueYear, schedule.DueYear);
        Assert.Equal(DateOnly.Parse(dueBy), schedule.DueBy);
        Assert.Equal(DateOnly.Parse(dueBy), schedule.DueDate);
        Assert.Equal(TextCleanup.RemoveAllWhitespace(cell), schedule.Text);
    }

    [Theory]
    [InlineData("2017年完成", 2017)]
    [InlineData("2026年底前", 2026)]
    [InlineData("2026年12月31日前", 2026)]
    [InlineData("2026年下半年", 2026)]
    [InlineData("2026年第四季度", 2026)]
    public void A_due_year_end_has_no_finer_date(string cell, int year)
    {
        var schedule = ScheduleParser.Parse(cell);

        Assert.Null(schedule.DueDate);
        Assert.Equal(year, schedule.DueYear);
        Assert.Equal(new DateOnly(year, 12, 31), schedule.DueBy);
    }

    [Theory]
    [InlineData("年底前", 2026, 2026)]
    [InlineData("年内完成", 2024, 2024)]
    [InlineData("本年底前完成", 2025, 2025)]
    public void Year_end_without_a_year_is_the_plans_year(string cell, int planYear, int dueYear)
    {
        var (schedule, unread) = ScheduleParser.Read(cell, planYear);

        Assert.Equal(dueYear, schedule.DueYear);
        Assert.Equal("", unread);
    }

    [Fact]
    public void Year_end_without_a_year_and_no_plan_year_is_unread()
    {
        var (schedule, unread) = ScheduleParser.Read("年底前");

        Assert.Null(schedule.DueYear);
        Assert.NotEqual("", unread);
    }

    [Theory]
    [InlineData("2023—2025年", 2023, 2025)]
    [InlineData("2023-2025年", 2023, 2025)]
    [InlineData("2023年至2025年", 2023, 2025)]
    [InlineData("2023～2025年持续推进", 2023, 2025)]
    public void A_range_of_years_starts_and_falls_due(string cell, int start, int due)
    {
        var (schedule, unread) = ScheduleParser.Read(cell);

        Assert.Equal((start, due), (schedule.StartYear, schedule.DueYear));
        Assert.Equal("", unread);
    }

    [Theory]
    [InlineData("长期坚持", null, true, false)]
    [InlineData("持续推进", null, true, false)]
    [InlineData("每年", null, false, true)]
    [InlineData("2023年起每年", 2023, false, true)]
    [InlineData("2024年起", 2024, false, false)]
    [InlineData("2016年启动\n持续推进", 2016, true, false)]
    [InlineData("2016年启动，持续\n推进", 2016, true, false)]
    public void Ongoing_and_yearly_work_never_falls_due(string cell, int? start, bool ongoing, bool everyYear)
    {
        // A cell on two lines (a Word cell, a PDF row) reads as the same cell on one line.
        var (schedule, unread) = ScheduleParser.Read(cell.Replace("\\n", "\n"));

        Assert.Equal((start, ongoing, everyYear), (schedule.StartYear, schedule.Ongoing, schedule.EveryYear));
        Assert.Null(schedule.DueBy);
        Assert.Equal("", unread);
    }

    [Theory]
    [InlineData("2026年6月底前完成试点", "试点")]
    [InlineData("2026年秋季", "秋季")]
    public void What_is_not_understood_is_returned(string cell, string unread)
    {
        Assert.Equal(unread, ScheduleParser.Read(cell).Unread);
    }

    [Theory]
    [InlineData("２０１７年完成", null, 2017, null)]
    [InlineData("２０１６年启动，持续推进", 2016, null, null)]
    [InlineData("２０１６年已完成", null, null, 2016)]
    public void Full_width_digits_give_the_same_years(string cell, int? start, int? due, int? done)
    {
        // Full-width digits are common in Chinese documents; they must not crash the import.
        var schedule = ScheduleParser.Parse(cell);

        Assert.Equal((start, due, done), (schedule.StartYear, schedule.DueYear, schedule.DoneYear));
        Assert.Equal(cell, schedule.Text);
    }
}
