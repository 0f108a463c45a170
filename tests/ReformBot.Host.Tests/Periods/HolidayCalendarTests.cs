using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Host.Bot;
using ReformBot.Host.Configuration;
using ReformBot.Host.Periods;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Tests.Bot;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Periods;

/// <summary>The shipped holiday calendar (seeds/holidays.yaml): what it does to reminders, how 周期 shows it, and its check at start.</summary>
public sealed class HolidayCalendarTests : BotTest
{
    private static readonly HolidayCalendar Shipped = new HolidayOptions().Load();

    private static string Show(IEnumerable<ScheduledReminder> schedule) => string.Join(" ", schedule.Select(r => $"{r.Kind}@{r.Date:MM-dd}"));

    [Fact]
    public void A_reminder_that_would_fall_on_1_october_2026_moves_to_the_next_working_day()
    {
        // The window of 2026Q3 opens on the day after the quarter: 1 October, in the 国庆节 holiday (1–7 October).
        var calendar = new ReportingCalendar(new ReportingCalendarOptions { OpenDaysBeforeQuarterEnd = 0 });
        var schedule = ReminderSchedule.For(calendar.WindowFor(Quarter.Parse("2026Q3")), calendar.Zone, new ReminderOptions(), Shipped);

        var opened = schedule[0];
        Assert.Equal((ReminderKind.Opened, new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 1)), (opened.Kind, opened.Date, opened.Planned));
        Assert.DoesNotContain(schedule, r => r.Date is { Month: 10, Day: >= 1 and <= 7 });
    }

    [Fact]
    public void A_tiaoxiu_saturday_is_a_working_day_and_holidays_are_not()
    {
        var days = new WorkingDays(new ReminderOptions(), Shipped);

        // 调休上班: Saturday 10 October and Saturday 14 February 2026, Sunday 28 September 2025.
        Assert.True(days.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.True(days.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.True(days.IsWorkingDay(new DateOnly(2025, 9, 28)));
        Assert.False(days.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.False(days.IsWorkingDay(new DateOnly(2026, 2, 23)));
        Assert.Equal("国庆节", days.HolidayName(new DateOnly(2026, 10, 5)));
        // 2027 has no notice yet: the fixed-date holidays of the law still hold.
        Assert.False(days.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal("国庆节", days.HolidayName(new DateOnly(2027, 10, 1)));
        Assert.True(days.IsWorkingDay(new DateOnly(2027, 2, 8)));

        // 2026Q3 is due on that Saturday: the due-day reminder stays on it.
        var calendar = new ReportingCalendar(new ReportingCalendarOptions());
        var schedule = ReminderSchedule.For(calendar.WindowFor(Quarter.Parse("2026Q3")), calendar.Zone, new ReminderOptions(), Shipped);
        Assert.Equal("opened@09-16 due-3@09-30 due-1@10-09 due-0@10-10 overdue-1@10-12 overdue-2@10-13 overdue-3@10-14 escalation@10-15", Show(schedule));
    }

    [Fact]
    public void No_reminder_of_2026Q4_is_planned_on_1_january()
    {
        var calendar = new ReportingCalendar(new ReportingCalendarOptions());
        var schedule = ReminderSchedule.For(calendar.WindowFor(Quarter.Parse("2026Q4")), calendar.Zone, new ReminderOptions(), Shipped);

        // due-7 (Sunday 3 January) moved back over the weekend and 元旦 to Thursday 31 December.
        Assert.Equal("opened@12-17 due-7@12-31 due-3@01-07 due-0@01-08 overdue-1@01-11 overdue-2@01-12 overdue-3@01-13 escalation@01-14", Show(schedule));
    }

    [Fact]
    public async Task The_period_command_marks_the_dates_that_moved_and_why()
    {
        Bot.AddOfficeMember("office");

        await Bot.Conversation("office")
            .Send("周期 2026Q3").Says("已将汇报周期指定为2026年第3季度")
            .Send("周期").Says(
                "· 2026年9月30日（国庆节放假，提前）：截止前 3 天提醒",
                "· 2026年10月10日：截止日提醒",
                "· 2026年10月12日（周末，顺延）：逾期第 1 个工作日提醒")
            .StartTestAsync();
    }

    [Fact]
    public void A_bad_date_in_the_holiday_file_fails_the_start_check_with_one_line_naming_the_file()
    {
        using var dir = new TempDirectory();
        var file = dir.File("holidays.yaml");
        File.WriteAllText(file, File.ReadAllText(new HolidayOptions().ResolvedFile!).Replace("to: 2026-10-07", "to: 2026-10-32"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ReformBot:Holidays:File"] = file }).Build();
        var services = new ServiceCollection().AddReformBotCore(configuration, TestFiles.Messages);
        services.AddReformBot();
        services.AddScheduling();
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var line = Assert.Single(SettingsErrors.Lines(error) ?? []);
        Assert.Contains(file, line);
        Assert.Matches(@"line \d+: '2026-10-32' is not a date", line);
        Assert.StartsWith("ReformBot:Holidays:File", line);
    }

    [Fact]
    public void The_shipped_file_cites_its_notices_and_says_2027_is_not_yet_published()
    {
        var text = File.ReadAllText(new HolidayOptions().ResolvedFile!);
        Assert.Contains("国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号），2024年11月12日", text);
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知，2025年11月4日", text);
        Assert.DoesNotContain("year: 2027", text);
        Assert.Equal([2025, 2026], Shipped.NoticeYears.Order());
    }
}
