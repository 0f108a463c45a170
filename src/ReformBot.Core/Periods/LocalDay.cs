namespace ReformBot.Core.Periods;

/// <summary>Where a calendar day begins in a time zone.</summary>
internal static class LocalDay
{
    /// <summary>
    /// The first instant of <paramref name="date"/> in <paramref name="zone"/>, carrying the offset in force then.
    /// Usually local midnight; some zones (America/Havana, Africa/Cairo) move their clocks at midnight.
    /// </summary>
    public static DateTimeOffset Start(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        if (zone.IsAmbiguousTime(midnight))
        {
            // Clocks fell back over midnight, so it happens twice; the day starts at the first, the larger offset.
            return new(midnight, zone.GetAmbiguousTimeOffsets(midnight).Max());
        }
        if (zone.IsInvalidTime(midnight))
        {
            // Clocks jumped from midnight: the day starts at the jump, i.e. midnight at the offset before it,
            // which reads as the later wall time in the new offset.
            var jump = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight.AddTicks(-1)));
            return TimeZoneInfo.ConvertTime(jump, zone);
        }
        return new(midnight, zone.GetUtcOffset(midnight));
    }
}
