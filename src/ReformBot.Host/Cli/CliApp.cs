using System.CommandLine;
using ReformBot.Core.Contacts;
using ReformBot.Core.Departments;
using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Plans;
using ReformBot.Host.Contacts;
using ReformBot.Host.Digests;
using ReformBot.Host.Messages;
using ReformBot.Host.Seeding;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Cli;

/// <summary>The office's command-line tool: tasks, task, departments, import, invite, admin-invite, contacts, reports, period, digest, export.</summary>
public sealed class CliApp(CliContext context)
{
    public const string DbOptionName = "--db";

    private MessageCatalog M => context.Messages;

    public int Run(string[] args)
    {
        var root = BuildCommands();
        // Exceptions go to the caller, which knows which ones deserve a message (a database in use).
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The --db value of a command line, without running it.</summary>
    public static string? DatabaseArgument(string[] args, MessageCatalog messages)
    {
        var root = new CliApp(CliContext.ParseOnly(messages)).BuildCommands();
        return root.Parse(args).GetValue<string?>(DbOptionName);
    }

    private RootCommand BuildCommands()
    {
        var db = new Option<string?>(DbOptionName) { Description = M[CliOptionDb], Recursive = true };
        var root = new RootCommand(M[CliDescription]) { db };

        var tasksJson = Json();
        var tasks = new Command("tasks", M[CliTasks]) { tasksJson };
        tasks.SetAction(r => ListTasks(r.GetValue(tasksJson)));

        var taskJson = Json();
        var number = new Argument<int>("n") { Description = M[CliTaskNumber], CustomParser = ParseTaskNumber };
        var task = new Command("task", M[CliTask]) { number, taskJson };
        task.SetAction(r => ShowTask(r.GetValue(number), r.GetValue(taskJson)));

        var departmentsJson = Json();
        var departments = new Command("departments", M[CliDepartments]) { departmentsJson };
        departments.SetAction(r => ListDepartments(r.GetValue(departmentsJson)));

        var file = new Argument<string>("plan.txt") { Description = M[CliImportFile] };
        var dryRun = new Option<bool>("--dry-run") { Description = M[CliImportDryRun] };
        var import = new Command("import", M[CliImport]) { file, dryRun };
        import.SetAction(r => Import(r.GetValue(file)!, r.GetValue(dryRun)));

        var inviteJson = Json();
        var inviteDepartment = new Argument<string>("department") { Description = M[CliInviteDepartment] };
        var invite = new Command("invite", M[CliInvite]) { inviteDepartment, inviteJson };
        invite.SetAction(r => InviteDepartment(r.GetValue(inviteDepartment)!, r.GetValue(inviteJson)));

        var adminInviteJson = Json();
        var adminInvite = new Command("admin-invite", M[CliAdminInvite]) { adminInviteJson };
        adminInvite.SetAction(r => InviteOfficeMember(r.GetValue(adminInviteJson)));

        var contactsJson = Json();
        var contacts = new Command("contacts", M[CliContacts]) { contactsJson };
        contacts.SetAction(r => ListContacts(r.GetValue(contactsJson)));

        var reportsJson = Json();
        var period = new Option<string>("--period") { Description = M[CliReportsPeriod], Required = true };
        var reports = new Command("reports", M[CliReports]) { period, reportsJson };
        reports.SetAction(r => ListReports(r.GetValue(period)!, r.GetValue(reportsJson)));

        var periodJson = Json();
        var periodSet = new Option<string?>("--set") { Description = M[CliPeriodSet] };
        var periodClear = new Option<bool>("--clear") { Description = M[CliPeriodClear] };
        var periodCommand = new Command("period", M[CliPeriod]) { periodSet, periodClear, periodJson };
        periodCommand.SetAction(r => Period(r.GetValue(periodSet), r.GetValue(periodClear), r.GetValue(periodJson)));

        var digestPeriod = new Option<string?>("--period") { Description = M[CliDigestPeriod] };
        var digestDepartment = new Option<string?>("--department") { Description = M[CliDigestDepartment] };
        var digestFormat = new Option<string>("--format") { Description = M[CliDigestFormat], DefaultValueFactory = _ => "md" };
        digestFormat.AcceptOnlyFromAmong("md", "json");
        var digest = new Command("digest", M[CliDigest]) { digestPeriod, digestDepartment, digestFormat };
        digest.SetAction(r => Digest(r.GetValue(digestPeriod), r.GetValue(digestDepartment), r.GetValue(digestFormat) == "json"));

        var exportPeriod = new Option<string?>("--period") { Description = M[CliDigestPeriod] };
        var exportDepartment = new Option<string?>("--department") { Description = M[CliExportDepartment] };
        var exportOut = new Option<string?>("--out") { Description = M[CliExportOut] };
        var export = new Command("export", M[CliExport]) { exportPeriod, exportDepartment, exportOut };
        export.SetAction(r => Export(r.GetValue(exportPeriod), r.GetValue(exportDepartment), r.GetValue(exportOut)));

        root.Subcommands.Add(tasks);
        root.Subcommands.Add(task);
        root.Subcommands.Add(departments);
        root.Subcommands.Add(import);
        root.Subcommands.Add(invite);
        root.Subcommands.Add(adminInvite);
        root.Subcommands.Add(contacts);
        root.Subcommands.Add(reports);
        root.Subcommands.Add(periodCommand);
        root.Subcommands.Add(digest);
        root.Subcommands.Add(export);
        return root;
    }

    private int ParseTaskNumber(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, out var number)) return number;
        result.AddError(M.Format(TaskNumberInvalid, text));
        return 0;
    }

    private Option<bool> Json() => new("--json") { Description = M[CliOptionJson] };

    private int ListTasks(bool json)
    {
        var tasks = context.Plans().Tasks();
        if (json)
        {
            context.Out.WriteLine(JsonOutput.Serialize(tasks.Select(JsonOutput.Task)));
            return 0;
        }
        foreach (var task in tasks)
        {
            context.Out.WriteLine(M.Format(TasksLine, task.Number, task.Text));
            context.Out.WriteLine(M.Format(TasksDetail, Names(task.LeadDepartments), Names(task.SupportDepartments), ScheduleText(task.Schedule)));
        }
        return 0;
    }

    private int ShowTask(int number, bool json)
    {
        var task = context.Plans().FindTask(number);
        if (task is null)
        {
            context.Error.WriteLine(M.Format(TaskNotFound, number));
            return 1;
        }
        if (json)
        {
            context.Out.WriteLine(JsonOutput.Serialize(JsonOutput.Task(task)));
            return 0;
        }
        context.Out.WriteLine(M.Format(TasksLine, task.Number, task.Text));
        context.Out.WriteLine(M.Format(TaskLead, Names(task.LeadDepartments)));
        context.Out.WriteLine(M.Format(TaskSupport, Names(task.SupportDepartments)));
        context.Out.WriteLine(M.Format(TaskSchedule, ScheduleText(task.Schedule)));
        return 0;
    }

    private int ListDepartments(bool json)
    {
        var plans = context.Plans();
        var tasks = plans.Tasks();
        var departments = plans.Departments().Select(d => JsonOutput.Department(d, tasks)).ToList();
        if (json)
        {
            context.Out.WriteLine(JsonOutput.Serialize(departments));
            return 0;
        }
        foreach (var d in departments)
        {
            var fullName = d.FullName is null ? "" : $"（{d.FullName}）";
            var aliases = d.Aliases.Count == 0 ? "" : M.Format(DepartmentsAliases, string.Join("、", d.Aliases));
            context.Out.WriteLine(M.Format(DepartmentsLine, d.Name, fullName, d.Lead.Count, d.Support.Count, aliases));
        }
        return 0;
    }

    private int Import(string file, bool dryRun)
    {
        var path = Path.GetFullPath(file, context.WorkingDirectory);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            context.Error.WriteLine(M.Format(FileNotFound, path));
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(M.Format(FileUnreadable, path, e.Message));
            return 1;
        }

        PlanImport import;
        try
        {
            import = new PlanImporter(context.Plans()).Import(text, dryRun);
        }
        catch (PlanFormatException e)
        {
            var reason = M.Format(PlanErrorPrefix + e.Error.Kind, e.Error.Line, e.Error.Detail);
            context.Error.WriteLine(M.Format(ImportError, $"{path}: {reason}"));
            return 1;
        }

        WriteImport(import);
        if (dryRun) context.Out.WriteLine(M[ImportDryRun]);
        return 0;
    }

    private void WriteImport(PlanImport import)
    {
        var output = context.Out;
        if (!import.HasChanges)
        {
            output.WriteLine(M[ImportNothing]);
            return;
        }
        output.WriteLine(M.Format(ImportSummary, import.Tasks.Count, import.Added.Count, import.Changed.Count, import.Removed.Count, import.UnchangedCount));
        foreach (var task in import.Added) output.WriteLine(M.Format(ImportAdded, task.Number, Shorten(task.Text)));
        foreach (var (_, after) in import.Changed) output.WriteLine(M.Format(ImportChanged, after.Number, Shorten(after.Text)));
        foreach (var task in import.Removed) output.WriteLine(M.Format(ImportRemoved, task.Number, Shorten(task.Text)));
        if (import.NewDepartments.Count > 0)
            output.WriteLine(M.Format(ImportNewDepartments, string.Join("、", import.NewDepartments.Select(d => d.Name))));
    }

    private int InviteDepartment(string name, bool json)
    {
        var result = context.Registration().InviteDepartment(name);
        if (result.Invite is not { } invite)
        {
            context.Error.WriteLine(InviteTexts.UnknownDepartment(M, name, result.Suggestions.Select(d => d.Name)));
            return 1;
        }
        WriteInvite(invite, json);
        return 0;
    }

    private int InviteOfficeMember(bool json)
    {
        WriteInvite(context.Registration().InviteOfficeMember(), json);
        return 0;
    }

    private void WriteInvite(Invite invite, bool json) =>
        context.Out.WriteLine(json
            ? JsonOutput.Serialize(JsonOutput.Invite(invite))
            : InviteTexts.Created(M, invite, context.Calendar().Zone));

    private int ListContacts(bool json)
    {
        var contacts = context.Contacts().All();
        if (json)
        {
            var ordered = contacts.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id, StringComparer.Ordinal);
            context.Out.WriteLine(JsonOutput.Serialize(ordered.Select(JsonOutput.Contact)));
            return 0;
        }
        var plans = context.Plans();
        context.Out.WriteLine(ContactListing.Text(contacts, plans.Departments(), plans.Tasks(), M));
        return 0;
    }

    private int ListReports(string periodText, bool json)
    {
        if (!Quarter.TryParse(periodText, out var period))
        {
            context.Error.WriteLine(M.Format(ReportsPeriodInvalid, periodText));
            return 1;
        }
        var revisions = context.Reports().ForPeriod(period);
        var contacts = context.Contacts();
        var names = revisions.Select(r => r.SubmittedBy).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => contacts.Find(id)?.Name, StringComparer.Ordinal);
        if (json)
        {
            context.Out.WriteLine(JsonOutput.Serialize(revisions.Select(r => JsonOutput.Report(r, names[r.SubmittedBy]))));
            return 0;
        }
        if (revisions.Count == 0)
        {
            context.Out.WriteLine(M.Format(ReportsNone, period));
            return 0;
        }
        context.Out.WriteLine(M.Format(ReportsHeader, period, revisions.Count));
        foreach (var r in revisions)
        {
            var c = r.Content;
            var percent = c.Percent is { } p ? M.Format(ReportsPercent, p) : "";
            context.Out.WriteLine(M.Format(ReportsLine, r.Key.TaskNumber, r.Key.Department, r.Revision, M[ReportStatusPrefix + c.Status], percent, r.Late ? M[ReportsLate] : ""));
            var name = names[r.SubmittedBy] is { Length: > 0 } n ? n : M[ReportsUnknownContact];
            context.Out.WriteLine(M.Format(ReportsSubmitted, name, r.SubmittedBy, LocalTime(r.SubmittedAt)));
            context.Out.WriteLine(Indented(M.Format(ReportsProgress, c.Progress)));
            context.Out.WriteLine(Indented(M.Format(ReportsProblems, c.Problems.Length == 0 ? M[None] : c.Problems)));
            context.Out.WriteLine(Indented(M.Format(ReportsNextSteps, c.NextSteps)));
            if (c.Evidence.Count > 0) context.Out.WriteLine(M.Format(ReportsEvidence, string.Join(" ", c.Evidence)));
        }
        return 0;
    }

    private int Period(string? set, bool clear, bool json)
    {
        var periods = context.Periods();
        if (set is not null)
        {
            if (!Quarter.TryParse(set, out var quarter))
            {
                context.Error.WriteLine(M.Format(PeriodInvalid, set));
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
            context.Out.WriteLine(JsonOutput.Serialize(new
            {
                period = period.ToString(),
                @override = periods.Override?.ToString(),
                calendarPeriod = periods.FromCalendar().ToString(),
                opens = window.Opens,
                dueDate = window.DueDate,
                deadline = window.Deadline,
                reminders = context.PeriodDescription().Schedule().Select(r => new { kind = r.Kind.Key, date = r.Date, toOffice = r.ToOffice }),
            }));
            return 0;
        }
        context.Out.WriteLine(context.PeriodDescription().Describe());
        return 0;
    }

    private int Digest(string? periodText, string? departmentText, bool json)
    {
        if (!TryPeriod(periodText, out var period) || !TryDepartment(departmentText, out var department)) return 1;
        var digests = context.Digests();
        var digest = digests.Compute(period, new DigestFilter(department), digests.WeekAgo());
        var zone = context.Calendar().Zone;
        context.Out.WriteLine(json
            ? DigestJson.Serialize(digest, zone)
            : string.Join("\n\n", context.DigestMarkdown().Render(digest, zone)));
        return 0;
    }

    private int Export(string? periodText, string? departmentText, string? output)
    {
        if (!TryPeriod(periodText, out var chosen) || !TryDepartment(departmentText, out var department)) return 1;
        var period = chosen ?? context.Periods().Current();
        IReadOnlyList<string>? departments = department is null ? null : [department];
        var ledgers = context.Ledger();
        var path = Path.GetFullPath(output ?? ledgers.FileName(period, departments), context.WorkingDirectory);
        var ledger = ledgers.Build(period, departments);
        // Written beside the target and moved over it, so a reader never sees half a workbook.
        var partial = path + ".partial";
        try
        {
            using (var stream = File.Create(partial)) ledgers.Write(ledger, stream);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(partial); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            context.Error.WriteLine(M.Format(CliExportFailed, path, e.Message));
            return 1;
        }
        context.Out.WriteLine(M.Format(CliExportDone, M.Format(FormatPeriod, period.Year, period.Number), path,
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
        context.Error.WriteLine(M.Format(ReportsPeriodInvalid, text));
        return false;
    }

    /// <summary>A --department value as its canonical name: null when left out; false (and suggestions printed) when unknown.</summary>
    private bool TryDepartment(string? text, out string? department)
    {
        department = null;
        if (text is null) return true;
        var directory = new DepartmentDirectory(context.Plans().Departments());
        if (directory.Resolve(text) is { } found)
        {
            department = found.Name;
            return true;
        }
        context.Error.WriteLine(InviteTexts.UnknownDepartment(M, text, directory.Suggest(text).Select(d => d.Name)));
        return false;
    }

    /// <summary>An instant as local wall time of the reporting zone, to the minute.</summary>
    private string LocalTime(DateTimeOffset instant) => InviteTexts.LocalTime(instant, context.Calendar().Zone);

    /// <summary>Continuation lines of a multi-line answer, indented under their label.</summary>
    private static string Indented(string text) => text.ReplaceLineEndings("\n    ");

    private string Names(IEnumerable<string> names)
    {
        var joined = string.Join("、", names);
        return joined.Length == 0 ? M[None] : joined;
    }

    private string ScheduleText(Schedule schedule) => schedule.IsEmpty ? M[TaskScheduleEmpty] : schedule.Text;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
