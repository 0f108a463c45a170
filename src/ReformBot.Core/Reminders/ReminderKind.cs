namespace ReformBot.Core.Reminders;

/// <summary>The stages of a period's reminder cadence, in order.</summary>
public enum ReminderStage
{
    /// <summary>The notice that the period is open.</summary>
    Opened,

    /// <summary>Days before the due date, or on it.</summary>
    Due,

    /// <summary>Working days after the due date.</summary>
    Overdue,

    /// <summary>To the office: who is still missing.</summary>
    Escalation,
}

/// <summary>Which reminder of a period's cadence: its stage and, for due and overdue reminders, its days.</summary>
/// <param name="Days">Days before the due date (<see cref="ReminderStage.Due"/>, 0 on the due date), or working days after it (<see cref="ReminderStage.Overdue"/>); 0 otherwise.</param>
public readonly record struct ReminderKind(ReminderStage Stage, int Days)
{
    public static ReminderKind Opened => new(ReminderStage.Opened, 0);

    public static ReminderKind Escalation => new(ReminderStage.Escalation, 0);

    public static ReminderKind Due(int daysBefore) => new(ReminderStage.Due, daysBefore);

    public static ReminderKind Overdue(int workingDaysAfter) => new(ReminderStage.Overdue, workingDaysAfter);

    /// <summary>
    /// The kind as the reminder log stores it: opened, due-7 … due-0, overdue-1 …, escalation. Stored
    /// records are looked up by it, so it never changes.
    /// </summary>
    public string Key => Stage switch
    {
        ReminderStage.Opened => "opened",
        ReminderStage.Due => $"due-{Days}",
        ReminderStage.Overdue => $"overdue-{Days}",
        ReminderStage.Escalation => "escalation",
        _ => throw new InvalidOperationException($"Unknown reminder stage {Stage}."),
    };

    public override string ToString() => Key;
}
