using System.Text.RegularExpressions;

namespace ReformBot.Core.Plans;

/// <summary>Reads a schedule cell: 持续推进, YYYY年启动, YYYY年完成, YYYY年已完成 and their combinations.</summary>
public static partial class ScheduleParser
{
    public static Schedule Parse(string cell)
    {
        var text = TextCleanup.RemoveAllWhitespace(cell);
        if (text.Length == 0) return Schedule.Empty;

        return new Schedule(
            text,
            StartYear: Year(Started(), text),
            DueYear: Year(Due(), text),
            DoneYear: Year(Done(), text),
            Ongoing: text.Contains("持续推进"));
    }

    private static int? Year(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        if (!match.Success) return null;
        // \d also matches full-width (２０１７) and other Unicode digits, which int.Parse refuses.
        var year = 0;
        foreach (var digit in match.Groups[1].Value) year = year * 10 + (int)char.GetNumericValue(digit);
        return year;
    }

    [GeneratedRegex(@"(\d{4})年(?:\d{1,2}月)?启动")]
    private static partial Regex Started();

    // 2017年完成, 2017年底前完成, 2017年6月底前完成; not 2017年已完成.
    [GeneratedRegex(@"(\d{4})年(?:\d{1,2}月)?(?:底前|底|前)?(?<!已)完成")]
    private static partial Regex Due();

    [GeneratedRegex(@"(\d{4})年(?:\d{1,2}月)?(?:底前|底|前)?已完成")]
    private static partial Regex Done();
}
