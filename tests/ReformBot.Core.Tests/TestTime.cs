using System.Globalization;

namespace ReformBot.Core.Tests;

/// <summary>
/// Instants written with an explicit offset, so no test depends on the machine's zone.
/// Printing wall time and offset together lets assertions catch a right instant with a wrong offset,
/// which <see cref="DateTimeOffset"/> equality would not.
/// </summary>
internal static class TestTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public static DateTimeOffset At(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Show(DateTimeOffset instant) => instant.ToString(Format, CultureInfo.InvariantCulture);

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
