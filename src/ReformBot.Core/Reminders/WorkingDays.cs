namespace ReformBot.Core.Reminders;

/// <summary>Which days reminders may go out: not weekends (unless made working days), not holidays.</summary>
public sealed class WorkingDays(ReminderOptions options)
{
    private readonly HashSet<DateOnly> _holidays = [.. options.Holidays];
    private readonly HashSet<DateOnly> _extraWorkdays = [.. options.ExtraWorkdays];

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date)) return false;
        if (_extraWorkdays.Contains(date)) return true;
        return !options.SkipWeekends || date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

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
