using System.CommandLine;
using ReformBot.Core.Departments;
using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Digests;
using ReformBot.Host.Ledger;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Cli.Commands;

/// <summary>Reports and their period: reports, period, digest, export.</summary>
internal sealed class ReportCommands(CliContext context)
{
    private MessageCatalog M => context.Messages;

    private TextFormat Format => context.Get<TextFormat>();

    public static IEnumerable<Command> Create(MessageCatalog m)
    {
        var reportsJson = CliApp.JsonOption(m);
        var period = new Option<string>("--period") { Description = m[MessageKeys.Cli.ReportsPeriod], Required = true };
        var reports = new Command("reports", m[MessageKeys.Cli.Reports]) { period, reportsJson };
        reports.SetAction(r => For(r).ListReports(r.GetValue(period)!, r.GetValue(reportsJson)));
        yield return reports;

        var periodJson = CliApp.JsonOption(m);
        var periodSet = new Option<string?>("--set") { Description = m[MessageKeys.Cli.PeriodSet] };
        var periodClear = new Option<bool>("--clear") { Description = m[MessageKeys.Cli.PeriodClear] };
        var periodCommand = new Command("period", m[MessageKeys.Cli.Period]) { periodSet, periodClear, periodJson };
        periodCommand.SetAction(r => For(r).Period(r.GetValue(periodSet), r.GetValue(periodClear), r.GetValue(periodJson)));
        yield return periodCommand;

        var digestPeriod = new Option<string?>("--period") { Description = m[MessageKeys.Cli.DigestPeriod] };
        var digestDepartment = new Option<string?>("--department") { Description = m[MessageKeys.Cli.DigestDepartment] };
        var digestFormat = new Option<string>("--format") { Description = m[MessageKeys.Cli.DigestFormat], DefaultValueFactory = _ => "md" };
        digestFormat.AcceptOnlyFromAmong("md", "json");
        var digest = new Command("digest", m[MessageKeys.Cli.Digest]) { digestPeriod, digestDepartment, digestFormat };
        digest.SetAction(r => For(r).Digest(r.GetValue(digestPeriod), r.GetValue(digestDepartment), r.GetValue(digestFormat) == "json"));
        yield return digest;

        var exportPeriod = new Option<string?>("--period") { Description = m[MessageKeys.Cli.DigestPeriod] };
        var exportDepartment = new Option<string?>("--department") { Description = m[MessageKeys.Cli.ExportDepartment] };
        var exportOut = new Option<string?>("--out") { Description = m[MessageKeys.Cli.ExportOut] };
        var export = new Command("export", m[MessageKeys.Cli.Export]) { exportPeriod, exportDepartment, exportOut };
        export.SetAction(r => For(r).Export(r.GetValue(exportPeriod), r.GetValue(exportDepartment), r.GetValue(exportOut)));
        yield return export;
    }

    private static ReportCommands For(ParseResult parsed) => new(CliContext.Of(parsed));

    private int ListReports(string periodText, bool json)
    {
        if (!Quarter.TryParse(periodText, out var period))
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.ReportsPeriodInvalid, periodText));
            return 1;
        }
        var revisions = context.Get<IReportRepository>().ForPeriod(period);
        var contacts = context.Get<IContactRepository>();
        var names = revisions.Select(r => r.SubmittedBy).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => contacts.Find(id)?.Name, StringComparer.Ordinal);
        if (json)
        {
            context.Output.WriteLine(JsonOutput.Serialize(revisions.Select(r => JsonOutput.Report(r with { SubmittedAt = Format.Local(r.SubmittedAt) }, names[r.SubmittedBy], Format.Task(r.Key.TaskNumber)))));
            return 0;
        }
        if (revisions.Count == 0)
        {
            context.Output.WriteLine(M.Format(MessageKeys.Cli.ReportsNone, period));
            return 0;
        }
        context.Output.WriteLine(M.Format(MessageKeys.Cli.ReportsHeader, period, revisions.Count));
        foreach (var r in revisions)
        {
            var c = r.Content;
            var percent = c.Percent is { } p ? M.Format(MessageKeys.Cli.ReportsPercent, p) : "";
            context.Output.WriteLine(M.Format(MessageKeys.Cli.ReportsLine, Format.Task(r.Key.TaskNumber), r.Key.Department, r.Revision, Format.Status(c.Status), percent, r.Late ? M[MessageKeys.Cli.ReportsLate] : ""));
            var name = names[r.SubmittedBy] is { Length: > 0 } n ? n : M[MessageKeys.Cli.ReportsUnknownContact];
            context.Output.WriteLine(M.Format(MessageKeys.Cli.ReportsSubmitted, name, r.SubmittedBy, Format.LocalTime(r.SubmittedAt)));
            context.Output.WriteLine(Indented(M.Format(MessageKeys.Cli.ReportsProgress, c.Progress)));
            context.Output.WriteLine(Indented(M.Format(MessageKeys.Cli.ReportsProblems, c.Problems.Length == 0 ? M[MessageKeys.Cli.None] : c.Problems)));
            context.Output.WriteLine(Indented(M.Format(MessageKeys.Cli.ReportsNextSteps, c.NextSteps)));
            if (c.Evidence.Count > 0) context.Output.WriteLine(M.Format(MessageKeys.Cli.ReportsEvidence, string.Join(" ", c.Evidence)));
        }
        return 0;
    }

    private int Period(string? set, bool clear, bool json)
    {
        var periods = context.Get<ReportingPeriods>();
        if (set is not null)
        {
            if (!Quarter.TryParse(set, out var quarter))
            {
                context.Error.WriteLine(M.Format(MessageKeys.Period.Invalid, set));
                return 1;
            }
            periods.SetOverride(quarter);
        }
        else if (clear)
        {
            periods.SetOverride(null);
        }

        if (json)
        {
            var period = periods.Current();
            var window = periods.Calendar.WindowFor(period);
            context.Output.WriteLine(JsonOutput.Serialize(new
            {
                period = period.ToString(),
                @override = periods.Override?.ToString(),
                calendarPeriod = periods.FromCalendar().ToString(),
                opens = window.Opens,
                dueDate = window.DueDate,
                deadline = window.Deadline,
                reminders = context.Get<PeriodDescription>().Schedule().Select(r => new { kind = r.Kind.Key, date = r.Date, toOffice = r.ToOffice }),
            }));
            return 0;
        }
        context.Output.WriteLine(context.Get<PeriodDescription>().Describe());
        return 0;
    }

    private int Digest(string? periodText, string? departmentText, bool json)
    {
        if (!TryPeriod(periodText, out var period) || !TryDepartment(departmentText, out var department)) return 1;
        var digests = context.Get<DigestService>();
        var digest = digests.Compute(period, new DigestFilter(department), digests.WeekAgo());
        context.Output.WriteLine(json
            ? JsonOutput.Serialize(DigestJson.From(digest, Format))
            : string.Join("\n\n", context.Get<DigestMarkdown>().Render(digest)));
        return 0;
    }

    private int Export(string? periodText, string? departmentText, string? output)
    {
        if (!TryPeriod(periodText, out var chosen) || !TryDepartment(departmentText, out var department)) return 1;
        var period = chosen ?? context.Get<ReportingPeriods>().Current();
        IReadOnlyList<string>? departments = department is null ? null : [department];
        var ledgers = context.Get<LedgerService>();
        var path = Path.GetFullPath(output ?? ledgers.FileName(period, departments), context.WorkingDirectory);
        var ledger = ledgers.Build(period, departments);
        // Written beside the target and moved over it, so a reader never sees half a workbook.
        try
        {
            context.Get<PartialFiles>().Write(path, stream => ledgers.Write(ledger, stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.ExportFailed, path, e.Message));
            return 1;
        }
        context.Output.WriteLine(M.Format(MessageKeys.Cli.ExportDone, Format.Period(period), path,
            ledger.Departments.Count, ledger.Tasks.Count, ledger.Revisions.Count));
        return 0;
    }

    /// <summary>A --period value: null when left out; false (and an error printed) when it is not a quarter.</summary>
    private bool TryPeriod(string? text, out Quarter? period)
    {
        period = null;
        if (text is null) return true;
        if (Quarter.TryParse(text, out var quarter))
        {
            period = quarter;
            return true;
        }
        context.Error.WriteLine(M.Format(MessageKeys.Cli.ReportsPeriodInvalid, text));
        return false;
    }

    /// <summary>A --department value as its canonical name: null when left out; false (and suggestions printed) when unknown.</summary>
    private bool TryDepartment(string? text, out string? department)
    {
        department = null;
        if (text is null) return true;
        var directory = new DepartmentDirectory(context.Get<IPlanRepository>().Departments());
        if (directory.Resolve(text) is { } found)
        {
            department = found.Name;
            return true;
        }
        context.Error.WriteLine(InviteTexts.UnknownDepartment(M, Format, text, directory.Suggest(text).Select(d => d.Name)));
        return false;
    }

    /// <summary>Continuation lines of a multi-line answer, indented under their label.</summary>
    private static string Indented(string text) => text.ReplaceLineEndings("\n    ");
}
