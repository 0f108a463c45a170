namespace ReformBot.Host.Scheduling;

/// <summary>When the scheduler runs ("ReformBot:Scheduling"). Cron expressions are Quartz's, in the reporting time zone.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "ReformBot:Scheduling";

    /// <summary>The daily reminder run: 09:00 local. Days off are skipped by the run itself.</summary>
    public string ReminderCron { get; set; } = "0 0 9 ? * *";

    /// <summary>The weekly digest: Monday 09:30 local.</summary>
    public string DigestCron { get; set; } = "0 30 9 ? * MON";

    /// <summary>
    /// Reminders go out only between these local times: a run caught up at start (after the host was
    /// down at 09:00) sends during working hours, never at night.
    /// </summary>
    public TimeOnly SendFrom { get; set; } = new(9, 0);

    public TimeOnly SendUntil { get; set; } = new(18, 0);

    /// <summary>Messages in flight at once during a fan-out; the channel's rate limit still applies.</summary>
    public int FanOutConcurrency { get; set; } = 8;

    /// <summary>What is wrong with the settings, one line each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, cron) in new[] { (nameof(ReminderCron), ReminderCron), (nameof(DigestCron), DigestCron) })
            if (!Quartz.CronExpression.TryParse(cron, out _))
                problems.Add($"{Section}:{name} is not a valid cron expression: '{cron}'.");
        if (SendFrom >= SendUntil)
            problems.Add($"{Section}:{nameof(SendFrom)} must be before {nameof(SendUntil)}.");
        if (FanOutConcurrency is < 1 or > 256)
            problems.Add($"{Section}:{nameof(FanOutConcurrency)} must be between 1 and 256 (it is {FanOutConcurrency}).");
        return problems;
    }
}
