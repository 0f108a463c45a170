namespace ReformBot.Core.Reminders;

/// <summary>
/// The official public holidays and their 调休 working days, by date, each with its holiday's name (the
/// State Council's yearly notices). A year without a notice has only the fixed-date holidays the law
/// names (元旦, 劳动节, 国庆节), so that 1 January and 1 October are never working days.
/// </summary>
/// <param name="DaysOff">Days off of the years with a notice.</param>
/// <param name="Workdays">Weekend days that are working days (调休), of the years with a notice.</param>
/// <param name="Fixed">Fixed-date holidays (month and day) of a year without a notice.</param>
public sealed record HolidayCalendar(
    IReadOnlyDictionary<DateOnly, string> DaysOff,
    IReadOnlyDictionary<DateOnly, string> Workdays,
    IReadOnlyDictionary<(int Month, int Day), string> Fixed,
    IReadOnlySet<int> NoticeYears)
{
    public static HolidayCalendar None { get; } = new(
        new Dictionary<DateOnly, string>(), new Dictionary<DateOnly, string>(), new Dictionary<(int, int), string>(), new HashSet<int>());

    /// <summary>The holiday a date is a day off for, or null.</summary>
    public string? DayOff(DateOnly date) =>
        DaysOff.TryGetValue(date, out var name) ? name
        : !NoticeYears.Contains(date.Year) && Fixed.TryGetValue((date.Month, date.Day), out var fixedName) ? fixedName
        : null;

    /// <summary>The holiday whose 调休 makes a weekend date a working day, or null.</summary>
    public string? Workday(DateOnly date) => Workdays.GetValueOrDefault(date);
}
