using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;

namespace ReformBot.Core.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly ReportingCalendar Calendar = new(new ReportingCalendarOptions());

    private static IReadOnlyList<ScheduledReminder> Schedule(string quarter, ReminderOptions? options = null) =>
        ReminderSchedule.For(Calendar.WindowFor(Quarter.Parse(quarter)), Calendar.Zone, options ?? new ReminderOptions(), HolidayCalendar.None);

    private static string Show(IEnumerable<ScheduledReminder> schedule) =>
        string.Join(" ", schedule.Select(r => $"{r.Kind}@{r.Date:MM-dd}"));

    [Fact]
    public void The_2026Q4_cadence_moves_reminders_off_weekends_and_keeps_one_a_day()
    {
        // Opens Thu 2026-12-17; due Sun 2027-01-10. due-7 (Sun 01-03) and due-1 (Sat 01-09) move back to Fridays;
        // due-0 (Sun) also lands on Fri 01-08 and wins over due-1; overdue reminders on the working days after.
        Assert.Equal(
            "opened@12-17 due-7@01-01 due-3@01-07 due-0@01-08 overdue-1@01-11 overdue-2@01-12 overdue-3@01-13 escalation@01-14",
            Show(Schedule("2026Q4")));
    }

    [Fact]
    public void Holidays_and_extra_workdays_move_the_dates()
    {
        var options = new ReminderOptions
        {
            Holidays = [new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 11)],
            ExtraWorkdays = [new DateOnly(2027, 1, 9)],
        };

        Assert.Equal(
            "opened@12-17 due-7@12-31 due-3@01-07 due-0@01-09 overdue-1@01-12 overdue-2@01-13 overdue-3@01-14 escalation@01-15",
            Show(Schedule("2026Q4", options)));
    }

    [Fact]
    public void With_weekends_on_every_reminder_keeps_its_own_day()
    {
        var options = new ReminderOptions { SkipWeekends = false, DaysBeforeDue = [3, 1], OverdueDays = 2 };

        Assert.Equal(
            "opened@12-17 due-3@01-07 due-1@01-09 due-0@01-10 overdue-1@01-11 overdue-2@01-12 escalation@01-13",
            Show(Schedule("2026Q4", options)));
    }

    [Fact]
    public void Reminders_that_would_come_before_the_period_opens_are_dropped()
    {
        var calendar = new ReportingCalendar(new ReportingCalendarOptions { OpenDaysBeforeQuarterEnd = 0, DueDaysAfterQuarterEnd = 5 });
        var options = new ReminderOptions { SkipWeekends = false };

        var schedule = ReminderSchedule.For(calendar.WindowFor(Quarter.Parse("2026Q4")), calendar.Zone, options, HolidayCalendar.None);

        // Opens 2027-01-01, due 2027-01-05: due-7 (12-29) is before the opening and is dropped.
        Assert.Equal("opened@01-01 due-3@01-02 due-1@01-04 due-0@01-05 overdue-1@01-06 overdue-2@01-07 overdue-3@01-08 escalation@01-09", Show(schedule));
    }

    [Theory]
    [InlineData("2026-12-16", null)]
    [InlineData("2026-12-17", "opened")]
    [InlineData("2026-12-30", "opened")]
    [InlineData("2027-01-01", "due-7")]
    [InlineData("2027-01-06", "due-7")]
    [InlineData("2027-01-07", "due-3")]
    [InlineData("2027-01-10", "due-0")]
    [InlineData("2027-01-13", "overdue-3")]
    [InlineData("2027-01-14", null)]
    [InlineData("2027-03-01", null)]
    public void The_contacts_reminder_of_a_day_is_the_latest_one_due_so_a_missed_one_goes_out_late_until_the_escalation(string today, string? kind)
    {
        Assert.Equal(kind, ReminderSchedule.ForContacts(Schedule("2026Q4"), DateOnly.Parse(today))?.Kind.Key);
    }

    [Theory]
    [InlineData("2027-01-13", false)]
    [InlineData("2027-01-14", true)]
    [InlineData("2027-01-20", true)]
    [InlineData("2027-01-21", false)]
    [InlineData("2027-02-01", false)]
    public void The_escalation_comes_after_the_last_overdue_reminder_and_is_caught_up_for_a_week(string today, bool escalate)
    {
        Assert.Equal(escalate, ReminderSchedule.ForOffice(Schedule("2026Q4"), DateOnly.Parse(today)) is not null);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Days_before_due_out_of_range_are_refused(int days)
    {
        var problem = Assert.Single(new ReminderOptions { DaysBeforeDue = [days] }.Problems());
        Assert.StartsWith("ReformBot:Reminders:DaysBeforeDue must", problem);
    }

    [Fact]
    public void Each_kind_keeps_the_key_the_reminder_log_stores()
    {
        Assert.Equal(["opened", "due-7", "due-0", "overdue-2", "escalation"],
            new[] { ReminderKind.Opened, ReminderKind.Due(7), ReminderKind.Due(0), ReminderKind.Overdue(2), ReminderKind.Escalation }.Select(k => k.Key));
    }

    [Theory]
    [InlineData("2026-12-19", false)] // Saturday
    [InlineData("2026-12-21", true)]  // Monday
    public void Weekends_are_days_off(string date, bool working)
    {
        Assert.Equal(working, new WorkingDays(new ReminderOptions(), HolidayCalendar.None).IsWorkingDay(DateOnly.Parse(date)));
    }
}
