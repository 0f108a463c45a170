using System.Text;
using ReformBot.Core.Digests;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Digests;

/// <summary>
/// The digest as chat messages: Markdown that reads well in Web Chat and Teams and degrades to plain
/// text (bold headers, "- " lists, paragraphs apart by a blank line; no tables, no HTML). A long digest
/// is split into several messages at section boundaries; a section longer than one message is split
/// between its lines, never inside one, and the next message repeats its header marked as continued.
/// </summary>
public sealed class DigestMarkdown(MessageCatalog messages, TextFormat format)
{
    /// <summary>About what one chat message comfortably holds.</summary>
    public const int MaxMessageLength = 3500;

    /// <summary>Departments listed at most; the rest are counted in one line (the ledger has them all).</summary>
    public const int MaxDepartmentLines = 40;

    /// <summary>Longest 存在问题 shown in chat; the ledger (导出) keeps the whole text.</summary>
    public const int MaxProblemsLength = 200;

    /// <summary>Longest task text shown in a line.</summary>
    public const int MaxTaskTextLength = 30;

    /// <summary>Task numbers listed at most for a department that has not reported.</summary>
    private const int MaxNumbers = 10;

    private const string ParagraphBreak = "\n\n";

    /// <summary>The whole digest, as one or more messages.</summary>
    public IReadOnlyList<string> Render(Digest digest)
    {
        var m = messages;
        var t = digest.Totals;
        var s = t.Statuses;
        var period = format.Period(digest.Period);
        var date = format.LocalDate(digest.Now);
        var title = digest.Filter.Department is { } department
            ? m.Format(MessageKeys.Digest.TitleDepartment, period, date, Escape(department))
            : m.Format(MessageKeys.Digest.Title, period, date);

        var departmentLines = digest.Departments.Take(MaxDepartmentLines)
            .Select(d => DepartmentLine(digest, d))
            .ToList();
        if (digest.Departments.Count > MaxDepartmentLines)
            departmentLines.Add(m.Format(MessageKeys.Digest.MoreDepartments, digest.Departments.Count - MaxDepartmentLines));

        var sections = new List<Section>
        {
            new(null, [title, m.Format(MessageKeys.Digest.Totals, t.Expected, t.Submitted, Percent(t.Submitted, t.Expected), s.Completed, s.OnTrack, s.Behind, s.NotStarted, s.NotSubmitted),
                LightsLine(t)], IsList: false),
            List(m[MessageKeys.Digest.DepartmentsHeader], departmentLines),
            List(m.Format(MessageKeys.Digest.BehindHeader, digest.Behind.Count), digest.Behind.Select(r =>
                m.Format(MessageKeys.Digest.BehindLine, format.Task(r.TaskNumber), Escape(r.Department), Escape(m.Shorten(OneLine(r.Problems ?? ""), MaxProblemsLength))))),
            List(m.Format(MessageKeys.Digest.NotReportedHeader, digest.NotReported.Count), digest.NotReported.Select(n =>
                m.Format(MessageKeys.Digest.NotReportedLine, Escape(n.Department), n.TaskNumbers.Count, Numbers(n.TaskNumbers), n.NothingReported ? m[MessageKeys.Digest.NothingReported] : ""))),
            List(m.Format(MessageKeys.Digest.ReturnedHeader, Returned(digest).Count), Returned(digest).Select(r =>
                m.Format(MessageKeys.Digest.ReturnedLine, format.Task(r.TaskNumber), Escape(r.Department), Escape(m.Shorten(OneLine(r.Returned!.Reason), MaxProblemsLength))))),
            OverdueSection(digest),
            List(m.Format(MessageKeys.Digest.ChangesHeader, digest.Changes.Count), digest.Changes.Select(Change)),
            NotesSection(digest),
        };
        return Split(sections);
    }

    /// <summary>Red departments named in the first message; the rest are counted.</summary>
    public const int MaxSummaryRedDepartments = 4;

    /// <summary>Problems named in the first message.</summary>
    public const int MaxSummaryProblems = 3;

    /// <summary>Longest problem in the first message.</summary>
    private const int MaxSummaryProblemLength = 40;

    /// <summary>
    /// The first message of 周报, one phone screen (at most about 15 lines): the totals, the red
    /// departments with why each is red, the most pressing problems, and how to ask for the detail
    /// (and, for the office, to chase).
    /// </summary>
    public string RenderSummary(Digest digest, bool forOffice)
    {
        var m = messages;
        var t = digest.Totals;
        var period = format.Period(digest.Period);
        var title = digest.Filter.Department is { } department
            ? m.Format(MessageKeys.Digest.TitleDepartment, period, format.LocalDate(digest.Now), Escape(department))
            : m.Format(MessageKeys.Digest.Title, period, format.LocalDate(digest.Now));
        var paragraphs = new List<string>
        {
            string.Join("\n", title,
                m.Format(MessageKeys.Digest.SummaryTotals, t.Expected, t.Submitted, Percent(t.Submitted, t.Expected), t.Statuses.Behind, t.OverdueAgainstPlan),
                LightsLine(t)),
        };

        var red = RedDepartments(digest);
        if (red.Count > 0)
        {
            var lines = red.Take(MaxSummaryRedDepartments)
                .Select(d => m.Format(MessageKeys.Digest.SummaryRedLine, Escape(d.Department), d.Submitted, d.Expected, Reasons(digest, d, redOnly: true)))
                .ToList();
            if (red.Count > MaxSummaryRedDepartments) lines.Add(m.Format(MessageKeys.Digest.SummaryMoreRed, red.Count - MaxSummaryRedDepartments));
            paragraphs.Add(m.Format(MessageKeys.Digest.SummaryRedHeader, red.Count) + "\n" + string.Join("\n", lines));
        }
        var pressing = digest.Behind.Take(MaxSummaryProblems).Select(r =>
            m.Format(MessageKeys.Digest.BehindLine, format.Task(r.TaskNumber), Escape(r.Department), Escape(m.Shorten(OneLine(r.Problems ?? ""), MaxSummaryProblemLength)))).ToList();
        if (pressing.Count > 0) paragraphs.Add(m[MessageKeys.Digest.SummaryPressingHeader] + "\n" + string.Join("\n", pressing));
        paragraphs.Add(m[forOffice ? MessageKeys.Digest.SummaryMore : MessageKeys.Digest.SummaryMoreContact]);
        return string.Join(ParagraphBreak, paragraphs);
    }

    /// <summary>The departments with a red light (reporting or progress), worst first: those the office chases.</summary>
    public static IReadOnlyList<DigestDepartmentRow> RedDepartments(Digest digest) =>
        digest.Departments.Where(d => d.IsRed).ToList();

    /// <summary>Both lights' counts: 报送灯 (reported in time) and 进展灯 (on track against the plan).</summary>
    private string LightsLine(DigestTotals t) => messages.Format(MessageKeys.Digest.Lights,
        t.ReportingLights.Red, t.ReportingLights.Yellow, t.ReportingLights.Green, t.ProgressLights.Red, t.ProgressLights.Yellow, t.ProgressLights.Green);

    /// <summary>A department with its two lights, and why a light is not green.</summary>
    private string DepartmentLine(Digest digest, DigestDepartmentRow d)
    {
        var reasons = Reasons(digest, d, redOnly: false);
        return messages.Format(MessageKeys.Digest.DepartmentLine, Light(d.ReportingLight), Light(d.ProgressLight), Escape(d.Department),
            d.Submitted, d.Expected, Percent(d.Submitted, d.Expected), reasons.Length == 0 ? "" : messages.Format(MessageKeys.Digest.DepartmentReasons, reasons));
    }

    /// <summary>
    /// Why a department's lights are red (and, unless <paramref name="redOnly"/>, yellow), naming the light:
    /// 报送 for reports missing after the due date or due soon, 进展 for tasks overdue against the plan or
    /// behind. Empty when the lights shown are green.
    /// </summary>
    private string Reasons(Digest digest, DigestDepartmentRow d, bool redOnly)
    {
        var m = messages;
        var reasons = new List<string>();
        if (d.ReportingLights.Red > 0)
            reasons.Add(m.Format(MessageKeys.Digest.ReasonReporting, m.Format(MessageKeys.Digest.ReasonMissingLate, d.ReportingLights.Red)));
        else if (!redOnly && d.ReportingLights.Yellow > 0)
            reasons.Add(m.Format(MessageKeys.Digest.ReasonReporting, m.Format(MessageKeys.Digest.ReasonMissingSoon, d.ReportingLights.Yellow, format.Date(digest.Window.DueDate))));
        var progress = new List<string>();
        if (d.ProgressLights.Red > 0) progress.Add(m.Format(MessageKeys.Digest.ReasonOverdue, d.ProgressLights.Red));
        if (!redOnly && d.ProgressLights.Yellow > 0) progress.Add(m.Format(MessageKeys.Digest.ReasonBehind, d.ProgressLights.Yellow));
        if (progress.Count > 0) reasons.Add(m.Format(MessageKeys.Digest.ReasonProgress, string.Join(m[MessageKeys.Digest.ReasonPartSeparator], progress)));
        return string.Join(m[MessageKeys.Digest.ReasonSeparator], reasons);
    }

    /// <summary>The reports the office sent back (退回) and that are not reported again yet.</summary>
    private static List<DigestTaskRow> Returned(Digest digest) => digest.Tasks.Where(r => r.Returned is not null).ToList();

    /// <summary>Only the tasks overdue against the plan, as 逾期 shows them: the digest's own section.</summary>
    public IReadOnlyList<string> RenderOverdue(Digest digest) => Split([OverdueSection(digest)]);

    /// <summary>part / whole as a whole percent, rounded down (199 of 200 is 99%, not 100%); 100 when nothing is expected.</summary>
    public static int Percent(int part, int whole) => whole <= 0 ? 100 : (int)((long)part * 100 / whole);

    private Section OverdueSection(Digest digest) =>
        List(messages.Format(MessageKeys.Digest.OverdueHeader, digest.OverdueAgainstPlan.Count), digest.OverdueAgainstPlan.Select(r =>
            messages.Format(MessageKeys.Digest.OverdueLine, format.Task(r.TaskNumber), Escape(r.Department), Escape(r.Task.Schedule.Text),
                Escape(messages.Shorten(OneLine(r.Task.Text), MaxTaskTextLength)),
                r.Status is { } status ? format.Status(status) : messages[MessageKeys.Digest.OverdueNotReported])));

    /// <summary>The supporting departments' notes of the period, once per task (a task with several leads has a row for each).</summary>
    private Section NotesSection(Digest digest)
    {
        var notes = digest.Tasks.DistinctBy(r => r.TaskNumber).SelectMany(r => r.Notes).ToList();
        return List(messages.Format(MessageKeys.Digest.NotesHeader, notes.Count), notes.Select(n =>
            messages.Format(MessageKeys.Digest.NoteLine, format.Task(n.TaskNumber), Escape(n.Department), Escape(messages.Shorten(OneLine(n.Text), MaxProblemsLength)))));
    }

    private string Change(DigestChange c)
    {
        var after = format.Status(c.After.Content.Status);
        var before = c.Before is { } b ? format.Status(b.Content.Status) : "";
        return messages.Format(MessageKeys.Digest.ChangePrefix + c.Kind, format.Task(c.TaskNumber), Escape(c.Department), after, before, c.After.Revision);
    }

    private Section List(string header, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0) list.Add(messages[MessageKeys.Digest.None]);
        return new Section(header, list, IsList: true);
    }

    private string Numbers(IReadOnlyList<int> numbers)
    {
        var shown = format.Tasks(numbers.Take(MaxNumbers));
        return messages.Format(numbers.Count > MaxNumbers ? MessageKeys.Reminder.NumbersMore : MessageKeys.Reminder.Numbers, shown);
    }

    /// <summary>
    /// Packs sections into messages: a section that fits goes whole into the current message or starts
    /// the next; one longer than a message is cut between lines, its header repeated as continued.
    /// </summary>
    private List<string> Split(IEnumerable<Section> sections)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length == 0) return;
            result.Add(current.ToString());
            current.Clear();
        }

        foreach (var section in sections)
        {
            var whole = section.Text(section.Header);
            if (current.Length > 0 && current.Length + ParagraphBreak.Length + whole.Length <= MaxMessageLength)
            {
                current.Append(ParagraphBreak).Append(whole);
                continue;
            }
            Flush();
            if (whole.Length <= MaxMessageLength)
            {
                current.Append(whole);
                continue;
            }

            // Too long for one message: as many lines as fit, then the header again with the rest.
            var separator = section.IsList ? 1 : ParagraphBreak.Length;
            var header = section.Header;
            var lines = new List<string>();
            var length = HeaderLength(header);
            foreach (var line in section.Lines)
            {
                if (lines.Count > 0 && length + separator + line.Length > MaxMessageLength)
                {
                    result.Add((section with { Lines = lines }).Text(header));
                    header = section.Header is null ? null : messages.Format(MessageKeys.Digest.Continued, section.Header);
                    lines = [];
                    length = HeaderLength(header);
                }
                length += (lines.Count > 0 ? separator : 0) + line.Length;
                lines.Add(line);
            }
            current.Append((section with { Lines = lines }).Text(header));
        }
        Flush();
        return result;
    }

    private static int HeaderLength(string? header) => header is null ? 0 : header.Length + ParagraphBreak.Length;

    private string Light(TrafficLight light) => messages[MessageKeys.Digest.LightPrefix + light];

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>
    /// Text typed by people (problems, names) with Markdown's active characters escaped, so a * or _ in
    /// it does not turn the rest of the message bold or italic.
    /// </summary>
    internal static string Escape(string text) => TypedText.Markdown(text);

    /// <param name="Header">A bold line before the lines; null for none.</param>
    /// <param name="IsList">Lines are list items (one per line); otherwise each is a paragraph.</param>
    private sealed record Section(string? Header, IReadOnlyList<string> Lines, bool IsList)
    {
        public string Text(string? header)
        {
            var body = string.Join(IsList ? "\n" : ParagraphBreak, Lines);
            return header is null ? body : header + ParagraphBreak + body;
        }
    }
}
