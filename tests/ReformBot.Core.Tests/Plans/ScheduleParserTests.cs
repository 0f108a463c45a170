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
    [InlineData("2017年6月底前完成", "2017年6月底前完成", null, 2017, null, false)]
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
    public void Unknown_wording_is_kept_as_text_without_years()
    {
        Assert.Equal(new Schedule("长期坚持", null, null, null, false), ScheduleParser.Parse("长期坚持"));
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
