using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Tests.Plans;

/// <summary>The deadline wordings for every year and month, and the overdue rule on the dates they give.</summary>
public class SchedulePropertyTests
{
    private static Arbitrary<(int Year, int Month)> YearMonths() =>
        Gen.Zip(Gen.Choose(1990, 2099), Gen.Choose(1, 12)).ToArbitrary();

    [Property]
    public Property A_due_month_falls_due_on_its_last_day() =>
        Prop.ForAll(YearMonths(), ym =>
        {
            var (year, month) = ym;
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return Forms(year, month).All(cell => ScheduleParser.Read(cell) is var (s, unread) && s.DueBy == last && s.DueYear == year && unread == "");
        });

    [Property]
    public Property Overdue_from_the_day_after_the_due_month_unless_completed() =>
        Prop.ForAll(YearMonths(), Gen.Choose(-40, 40).ToArbitrary(), (ym, offset) =>
        {
            var (year, month) = ym;
            var schedule = ScheduleParser.Parse($"{year}年{month}月底前完成");
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            var today = last.AddDays(offset);
            return PlanDeadlineRule.IsOverdueAgainstPlan(schedule, [], today) == offset > 0 &&
                   !PlanDeadlineRule.IsOverdueAgainstPlan(schedule, [ReportStatus.Completed], today);
        });

    [Property]
    public Property Any_text_reads_without_throwing_and_keeps_the_text(string cell)
    {
        var text = cell ?? "";
        var (schedule, _) = ScheduleParser.Read(text, 2026);
        return (schedule.Text == TextCleanup.RemoveAllWhitespace(text)).ToProperty();
    }

    [Property]
    public Property A_year_due_date_is_the_old_due_year_rule() =>
        // Before due dates the rule compared years; for a due year it still does.
        Prop.ForAll(Gen.Choose(1990, 2099).ToArbitrary(), Gen.Choose(1990, 2100).ToArbitrary(), Gen.Choose(1, 365).ToArbitrary(), (due, year, day) =>
        {
            var today = new DateOnly(year, 1, 1).AddDays(day - 1);
            return PlanDeadlineRule.IsOverdueAgainstPlan(ScheduleParser.Parse($"{due}年完成"), [], today) == today.Year > due;
        });

    private static string[] Forms(int year, int month) =>
        [$"{year}年{month}月底前", $"{year}年{month}月", $"{year}年{month}月底前完成", $"{year}年{month}月底", $"{year}年{month}月前完成"];
}
