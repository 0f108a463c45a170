using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReformBot.Core.Plans;

/// <summary>
/// Reads a schedule cell with the precision it gives: 持续推进 / 长期坚持 (ongoing), YYYY年启动 / YYYY年起 (start),
/// YYYY年完成, YYYY年底前, YYYY年M月(底前), YYYY年第二季度, YYYY年上半年, YYYY年12月31日前 (due), 年底前 (due at the end of
/// the plan's year), YYYY—YYYY年 (start and due), YYYY年已完成 (done), 每年 / YYYY年起每年 (every year), and their
/// combinations. Full-width digits and whitespace (a cell on two lines) read as the plain text would.
/// </summary>
public static partial class ScheduleParser
{
    /// <param name="planYear">The year the plan is for, which a bare 年底前 means; null when not known.</param>
    public static Schedule Parse(string cell, int? planYear = null) => Read(cell, planYear).Schedule;

    /// <summary>The schedule, and what of the cell was not understood ("" when all was).</summary>
    public static (Schedule Schedule, string Unread) Read(string cell, int? planYear = null)
    {
        var text = TextCleanup.RemoveAllWhitespace(cell);
        if (text.Length == 0) return (Schedule.Empty, "");

        // Matched on a folded copy (２０１７ → 2017, ， → ,); the schedule keeps the text as written.
        var rest = text.Normalize(NormalizationForm.FormKC);
        int? start = null, due = null, done = null;
        DateOnly? dueDate = null;

        void Due(int year, DateOnly? date)
        {
            // With several due points (2026年6月底前出台方案，2027年底前完成) the task is due at the last.
            var end = date ?? new DateOnly(year, 12, 31);
            if (due is null || end > (dueDate ?? new DateOnly(due.Value, 12, 31)))
                (due, dueDate) = (year, date);
        }

        rest = Range().Replace(rest, m =>
        {
            start ??= Number(m.Groups["from"].Value);
            Due(Number(m.Groups["to"].Value), null);
            return "|";
        });
        rest = Point().Replace(rest, m =>
        {
            var year = Number(m.Groups["year"].Value);
            var verb = m.Groups["verb"].Value;
            if (verb is "启动" or "开始" or "起") start ??= year;
            else if (verb == "已完成") done ??= year;
            else Due(year, PeriodEnd(m, year));
            return "|";
        });
        if (planYear is int plan)
            rest = BareYearEnd().Replace(rest, _ =>
            {
                Due(plan, null);
                return "|";
            });
        var ongoing = false;
        rest = OngoingWords().Replace(rest, _ =>
        {
            ongoing = true;
            return "|";
        });
        var everyYear = false;
        rest = EveryYearWord().Replace(rest, _ =>
        {
            everyYear = true;
            return "|";
        });

        var unread = Fillers().Replace(rest, "");
        var schedule = new Schedule(text, start, due, done, ongoing,
            dueDate is { } d && due is int y && d != new DateOnly(y, 12, 31) ? d : null, everyYear);
        return (schedule, unread);
    }

    /// <summary>Text that reads wholly as a deadline or a period (2026年6月底前完成, 持续推进), and names no unit.</summary>
    public static bool ReadsWhollyAsSchedule(string text)
    {
        // Any plan year will do: only whether 年底前 / 年内 read as a deadline matters here.
        var (schedule, unread) = Read(text, planYear: 2000);
        return unread.Length == 0 && (schedule.DueYear is not null || schedule.StartYear is not null || schedule.DoneYear is not null || schedule.Ongoing || schedule.EveryYear);
    }

    // The end of the month, quarter or half-year the match names; null for a whole year.
    private static DateOnly? PeriodEnd(Match m, int year)
    {
        if (m.Groups["quarter"].Success) return MonthEnd(year, 3 * QuarterNumber(m.Groups["quarter"].Value));
        if (m.Groups["half"].Success) return MonthEnd(year, m.Groups["half"].Value == "上" ? 6 : 12);
        if (!m.Groups["month"].Success) return null;
        var month = Number(m.Groups["month"].Value);
        if (month is < 1 or > 12) return null;
        if (!m.Groups["day"].Success) return MonthEnd(year, month);
        var day = Number(m.Groups["day"].Value);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : MonthEnd(year, month);
    }

    private static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static int QuarterNumber(string q) => q switch
    {
        "一" or "1" => 1,
        "二" or "2" => 2,
        "三" or "3" => 3,
        _ => 4,
    };

    private static int Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    // 2023—2025年, 2023-2025年, 2023年至2025年, 2023～2025年.
    [GeneratedRegex(@"(?<from>\d{4})年?(?:—+|–|-|~|～|至|到)(?<to>\d{4})年(?:底前|底|前)?")]
    private static partial Regex Range();

    // One point in time and what happens at it: 2016年启动, 2017年底前完成, 2026年6月底前, 2026年第二季度, 2026年12月31日前, 2016年已完成.
    [GeneratedRegex(@"(?<year>\d{4})年(?:第?(?<quarter>[一二三四1-4])季度|(?<half>[上下])半年|(?<month>\d{1,2})月(?:(?<day>\d{1,2})日)?)?(?:底前|底|末|以前|之前|前|内)?(?<verb>已完成|完成|启动|开始|起)?")]
    private static partial Regex Point();

    // 年底前 without a year: the end of the plan's year. Not 每年底.
    [GeneratedRegex(@"(?<!每)(?:本|当|今)?年(?:底前|底|内)")]
    private static partial Regex BareYearEnd();

    [GeneratedRegex(@"持续推进|长期坚持|长期推进|持续实施|持续开展|长期实施|长期")]
    private static partial Regex OngoingWords();

    [GeneratedRegex(@"每年")]
    private static partial Regex EveryYearWord();

    // Punctuation and verbs that carry no schedule of their own once the times are read.
    [GeneratedRegex(@"[|,，;；、。.()（）:：]|完成|启动|开始|实施|推进|并|及|和|起|前|底")]
    private static partial Regex Fillers();
}
