namespace ReformBot.Core.Periods;

/// <summary>When reports for <paramref name="Quarter"/> are accepted and when they become late.</summary>
/// <param name="Opens">First instant reports are accepted.</param>
/// <param name="Deadline">Exclusive: a report submitted at or after it is late. Local midnight after <paramref name="DueDate"/>.</param>
/// <param name="DueDate">The last local day a report is on time.</param>
public sealed record ReportingWindow(Quarter Quarter, DateTimeOffset Opens, DateTimeOffset Deadline, DateOnly DueDate)
{
    /// <summary>Whether reports are accepted; the window stays open after the deadline, late reports are still taken.</summary>
    public bool IsOpenAt(DateTimeOffset now) => now >= Opens;

    public bool IsLate(DateTimeOffset submittedAt) => submittedAt >= Deadline;
}
