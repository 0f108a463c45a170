namespace ReformBot.Core.Reminders;

/// <summary>
/// The reminder cadence (bound from configuration "ReformBot:Reminders"): a notice when the period
/// opens, reminders some days before the due date and on it, daily reminders for some working days
/// after it, then one escalation to the office. Reminders go out on working days only.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "ReformBot:Reminders";

    /// <summary>Days before the due date on which contacts are reminded.</summary>
    public List<int> DaysBeforeDue { get; set; } = [7, 3, 1];

    /// <summary>Working days after the due date with a daily reminder, before the escalation.</summary>
    public int OverdueDays { get; set; } = 3;

    public bool SkipWeekends { get; set; } = true;

    /// <summary>Public holidays (yyyy-MM-dd) on which nothing is sent.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days that are working days (调休), yyyy-MM-dd.</summary>
    public List<DateOnly> ExtraWorkdays { get; set; } = [];

    /// <summary>What is wrong with the settings, one line each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DaysBeforeDue.Any(d => d is <= 0 or > 60))
            problems.Add($"{Section}:{nameof(DaysBeforeDue)} must hold days between 1 and 60.");
        if (OverdueDays is < 0 or > 30)
            problems.Add($"{Section}:{nameof(OverdueDays)} must be between 0 and 30 (it is {OverdueDays}).");
        return problems;
    }
}
