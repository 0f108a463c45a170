using System.Globalization;
using ReformBot.Core.Contacts;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Messages;

/// <summary>
/// How periods, dates, times, statuses and names read: the one place each is formatted, so that chat,
/// digests, the ledger and the command line say them alike. Times are local to the reporting zone.
/// </summary>
public sealed class TextFormat(MessageCatalog messages, ReportingCalendar calendar, IPlanRepository plans)
{
    /// <summary>
    /// A task's number as people use it (3.2, 80), wherever a task is named to a reader: reports and digests key tasks by
    /// their internal number, the plan knows the label. A task no longer in the plan keeps its number.
    /// </summary>
    public string Task(int number) => plans.FindTask(number)?.Label ?? number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A task referred to in a sentence by its label: 第 3.2 项, but 第一项 for a Chinese numeral, as Chinese sets no space
    /// between Chinese characters.
    /// </summary>
    public string TaskReference(string label) =>
        messages.Format(TaskNumbering.ReadCell(label)?.Chinese == true ? MessageKeys.Format.TaskReferenceChinese : MessageKeys.Format.TaskReference, label);

    /// <summary>Several tasks' numbers as people use them, in a sentence: 3.1、3.2.</summary>
    public string Tasks(IEnumerable<int> numbers) => List(numbers.Select(Task));

    /// <summary>A quarter as users read it: 2026年第4季度.</summary>
    public string Period(Quarter period) => messages.Format(MessageKeys.Format.Period, period.Year, period.Number);

    /// <summary>A day in a sentence: 2027年1月10日.</summary>
    public string Date(DateOnly date) => messages.Format(MessageKeys.Format.Date, date);

    /// <summary>The local day of an instant, as <see cref="Date(DateOnly)"/> writes it.</summary>
    public string LocalDate(DateTimeOffset instant) => Date(calendar.LocalDate(instant));

    /// <summary>An instant as local wall time to the minute, for listings: 2026-12-05 10:00.</summary>
    public string LocalTime(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The local day of an instant, for listings: 2026-12-05.</summary>
    public string LocalDay(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant with the reporting zone's offset: what JSON and the ledger carry as time.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, calendar.Zone);

    /// <summary>A status as users read it (已完成…).</summary>
    public string Status(ReportStatus status) => messages[MessageKeys.Report.StatusPrefix + status];

    /// <summary>Names (departments, contacts) in a sentence: 科技厅、财政厅.</summary>
    public string List<T>(IEnumerable<T> items) => string.Join(messages[MessageKeys.Format.Separator], items);

    /// <summary>Where a row of a plan file is, as the office finds it again: 第 12 行, 第 2 个表格第 5 行, 工作表“任务”第 7 行, 第 3 页.</summary>
    public string Location(PlanLocation where) => where switch
    {
        { Sheet: { } sheet } => messages.Format(MessageKeys.Plan.LocationSheet, sheet, where.Line),
        { Table: { } table } => messages.Format(MessageKeys.Plan.LocationTable, table, where.Line),
        { Page: { } page, Paragraph: true } => messages.Format(MessageKeys.Plan.LocationPageParagraph, page, where.Line),
        { Page: { } page } => messages.Format(MessageKeys.Plan.LocationPage, page),
        { Paragraph: true } => messages.Format(MessageKeys.Plan.LocationParagraph, where.Line),
        _ => messages.Format(MessageKeys.Plan.LocationLine, where.Line),
    };

    /// <summary>
    /// A contact's name as a chat message shows it, or a word for one who left none. People choose their
    /// names, so the name is cleaned (also one stored before input was cleaned) and Markdown-escaped.
    /// </summary>
    public string ContactName(Contact contact) =>
        TypedText.Clean(contact.Name, multiline: false) is { } name && !string.IsNullOrWhiteSpace(name)
            ? TypedText.Markdown(name)
            : messages[MessageKeys.Contacts.Unnamed];
}
