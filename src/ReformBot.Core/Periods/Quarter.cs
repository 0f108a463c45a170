using System.Globalization;

namespace ReformBot.Core.Periods;

/// <summary>A calendar quarter, the reporting period, written 2026Q4.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    /// <summary>Years have four digits, so every quarter prints and parses as YYYYQn.</summary>
    public const int MinYear = 1000;

    /// <summary>The last year whose quarters all end, exclusive, on a representable date.</summary>
    public const int MaxYear = 9998;

    // Declared without init so `with` cannot bypass the checks.
    public int Year { get; } = Year is >= MinYear and <= MaxYear
        ? Year
        : throw new ArgumentOutOfRangeException(nameof(Year), Year, $"A quarter's year must be {MinYear}..{MaxYear}.");

    public int Number { get; } = Number is >= 1 and <= 4
        ? Number
        : throw new ArgumentOutOfRangeException(nameof(Number), Number, "A quarter's number must be 1..4.");

    public DateOnly FirstDay => new(Year, 3 * Number - 2, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public Quarter Next() => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public Quarter Previous() => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    /// <summary>The first instant of the quarter in <paramref name="zone"/>: local midnight of its first day.</summary>
    public DateTimeOffset StartIn(TimeZoneInfo zone) => LocalDay.Start(FirstDay, zone);

    /// <summary>The exclusive end of the quarter in <paramref name="zone"/>: local midnight after its last day.</summary>
    public DateTimeOffset EndIn(TimeZoneInfo zone) => LocalDay.Start(LastDay.AddDays(1), zone);

    public static Quarter Containing(DateOnly date) => new(date.Year, (date.Month + 2) / 3);

    /// <summary>The quarter <paramref name="instant"/> falls in on the wall calendar of <paramref name="zone"/>.</summary>
    public static Quarter Containing(DateTimeOffset instant, TimeZoneInfo zone) =>
        Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));

    /// <summary>Parses YYYYQn (q in either case, surrounding whitespace ignored), e.g. 2026Q4.</summary>
    public static Quarter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var quarter)
            ? quarter
            : throw new FormatException($"'{text}' is not a quarter like 2026Q4.");
    }

    public static bool TryParse(string? text, out Quarter quarter)
    {
        var s = text.AsSpan().Trim();
        if (s.Length == 6 && !s[..4].ContainsAnyExceptInRange('0', '9') && s[4] is 'Q' or 'q' && s[5] is >= '1' and <= '4')
        {
            var year = int.Parse(s[..4], CultureInfo.InvariantCulture);
            if (year is >= MinYear and <= MaxYear)
            {
                quarter = new(year, s[5] - '0');
                return true;
            }
        }
        quarter = default;
        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");

    public int CompareTo(Quarter other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;
    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;
    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;
}
