using System.Globalization;
using ReformBot.Core.Reminders;
using YamlDotNet.RepresentationModel;

namespace ReformBot.Host.Periods;

/// <summary>
/// The "ReformBot:Holidays" section: the official public-holiday calendar with its 调休 working days,
/// a YAML file the office can edit (shipped: seeds/holidays.yaml). Checked at start: a file that does
/// not load stops the host with one line naming the file and the line.
/// </summary>
public sealed class HolidayOptions
{
    public const string Section = "ReformBot:Holidays";

    /// <summary>The calendar file; relative to the application's folder. Empty: no official calendar, weekends only.</summary>
    public string File { get; set; } = "seeds/holidays.yaml";

    public string? ResolvedFile => string.IsNullOrWhiteSpace(File) ? null : Path.GetFullPath(File, AppContext.BaseDirectory);

    public IReadOnlyList<string> Problems()
    {
        if (ResolvedFile is not { } path) return [];
        try
        {
            HolidayFile.Load(path);
            return [];
        }
        catch (InvalidDataException e)
        {
            return [$"{Section}:{nameof(File)}: {e.Message}"];
        }
    }

    /// <summary>The calendar the settings name; <see cref="HolidayCalendar.None"/> without a file.</summary>
    public HolidayCalendar Load() => ResolvedFile is { } path ? HolidayFile.Load(path) : HolidayCalendar.None;
}

/// <summary>
/// Reads the holiday file: <c>fixed</c>, the fixed-date holidays of a year without a notice (month-day), and
/// <c>years</c>, per year its notice and holidays, each with a name, <c>from</c> and <c>to</c> (the days off)
/// and <c>work</c> (its 调休 working days). Dates are yyyy-MM-dd.
/// </summary>
public static class HolidayFile
{
    /// <exception cref="InvalidDataException">The file is missing or malformed; the message names the file and the line.</exception>
    public static HolidayCalendar Load(string path)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = System.IO.File.OpenText(path);
            yaml.Load(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({e.Message}).", e);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: {e.Message}", e);
        }
        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{path}: expected a map with 'fixed' and 'years'.");

        InvalidDataException Bad(YamlNode node, string what) => new($"{path}: line {node.Start.Line}: {what}");
        YamlSequenceNode List(YamlMappingNode map, string key, bool required = true) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node)
                ? node as YamlSequenceNode ?? throw Bad(node, $"'{key}' must be a list.")
                : required ? throw Bad(map, $"'{key}' is missing.") : new YamlSequenceNode();
        string Text(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : throw Bad(map, $"'{key}' is missing.");
        DateOnly Date(YamlNode node, int year)
        {
            var text = (node as YamlScalarNode)?.Value;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw Bad(node, $"'{text}' is not a date (yyyy-MM-dd).");
            if (date.Year != year) throw Bad(node, $"{text} is not in {year}.");
            return date;
        }
        DateOnly DateOf(YamlMappingNode map, string key, int year) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? Date(node, year) : throw Bad(map, $"'{key}' is missing.");

        var fixedDays = new Dictionary<(int, int), string>();
        foreach (var item in List(root, "fixed"))
        {
            if (item is not YamlMappingNode holiday) throw Bad(item, "a fixed holiday needs a name and dates.");
            var name = Text(holiday, "name");
            foreach (var day in List(holiday, "dates"))
            {
                // A leap year, so that 02-29 parses; the law names no such day, but the check is about the form.
                var text = (day as YamlScalarNode)?.Value;
                if (!DateOnly.TryParseExact($"2024-{text}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw Bad(day, $"'{text}' is not a month and day (MM-dd).");
                fixedDays[(date.Month, date.Day)] = name;
            }
        }

        var daysOff = new Dictionary<DateOnly, string>();
        var workdays = new Dictionary<DateOnly, string>();
        var years = new HashSet<int>();
        foreach (var item in List(root, "years"))
        {
            if (item is not YamlMappingNode entry) throw Bad(item, "a year needs 'year', 'notice' and 'holidays'.");
            var yearText = Text(entry, "year");
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
                throw Bad(entry, $"'{yearText}' is not a year.");
            if (!years.Add(year)) throw Bad(entry, $"{year} is listed twice.");
            Text(entry, "notice");
            foreach (var node in List(entry, "holidays"))
            {
                if (node is not YamlMappingNode holiday) throw Bad(node, "a holiday needs a name, 'from' and 'to'.");
                var name = Text(holiday, "name");
                var from = DateOf(holiday, "from", year);
                var to = DateOf(holiday, "to", year);
                if (to < from) throw Bad(holiday, $"{name}: 'to' ({to:yyyy-MM-dd}) is before 'from' ({from:yyyy-MM-dd}).");
                for (var d = from; d <= to; d = d.AddDays(1)) daysOff[d] = name;
                foreach (var day in List(holiday, "work", required: false))
                {
                    var date = Date(day, year);
                    if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                        throw Bad(day, $"{name}: {date:yyyy-MM-dd} is a weekday; 'work' lists weekend days that are working days.");
                    workdays[date] = name;
                }
            }
        }
        if (workdays.Keys.FirstOrDefault(daysOff.ContainsKey) is var both && both != default)
            throw new InvalidDataException($"{path}: {both:yyyy-MM-dd} is both a day off and a working day.");
        return new HolidayCalendar(daysOff, workdays, fixedDays, years);
    }
}
