namespace ReformBot.Core.Reminders;

/// <summary>
/// Which days reminders may go out: not weekends (unless made working days), not holidays. The
/// configured <see cref="ReminderOptions.Holidays"/> and <see cref="ReminderOptions.ExtraWorkdays"/> come
/// first, then the official calendar.
/// </summary>
public sealed class WorkingDays(ReminderOptions options, HolidayCalendar holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. options.Holidays];
    private readonly HashSet<DateOnly> _extraWorkdays = [.. options.ExtraWorkdays];

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date)) return false;
        if (_extraWorkdays.Contains(date)) return true;
        if (holidays.DayOff(date) is not null) return false;
        if (holidays.Workday(date) is not null) return true;
        return !IsWeekend(date);
    }

    /// <summary>A Saturday or Sunday, when weekends are days off.</summary>
    public bool IsWeekend(DateOnly date) => options.SkipWeekends && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Why a date is not a working day: the holiday's name, null for a configured holiday or a weekend.</summary>
    public string? HolidayName(DateOnly date) => _holidays.Contains(date) ? null : holidays.DayOff(date);

    /// <summary>The date itself if it is a working day, else the next one.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>The date itself if it is a working day, else the one before.</summary>
    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(-1);
        return date;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="date"/>.</summary>
    public DateOnly After(DateOnly date, int count)
    {
        for (var i = 0; i < count; i++) date = OnOrAfter(date.AddDays(1));
        return date;
    }
}
