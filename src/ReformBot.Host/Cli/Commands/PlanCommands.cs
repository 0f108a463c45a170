using System.CommandLine;
using ReformBot.Core.Plans;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.PlanFiles;
using ReformBot.Host.Seeding;

namespace ReformBot.Host.Cli.Commands;

/// <summary>The plan: tasks, task, departments, import.</summary>
internal sealed class PlanCommands(CliContext context)
{
    /// <summary>The command that loads a plan of its own, so a new database gets no shipped plan before it.</summary>
    public const string ImportName = "import";

    /// <summary>The option that gives a plan its own department directory, so a new database gets no curated one.</summary>
    public const string DirectoryOptionName = "--directory";

    private MessageCatalog M => context.Messages;

    private TextFormat Format => context.Get<TextFormat>();

    public static IEnumerable<Command> Create(MessageCatalog m)
    {
        var tasksJson = CliApp.JsonOption(m);
        var tasks = new Command("tasks", m[MessageKeys.Cli.Tasks]) { tasksJson };
        tasks.SetAction(r => For(r).ListTasks(r.GetValue(tasksJson)));
        yield return tasks;

        var taskJson = CliApp.JsonOption(m);
        var number = new Argument<string>("n") { Description = m[MessageKeys.Cli.TaskNumber] };
        var task = new Command("task", m[MessageKeys.Cli.Task]) { number, taskJson };
        task.SetAction(r => For(r).ShowTask(r.GetValue(number)!, r.GetValue(taskJson)));
        yield return task;

        var departmentsJson = CliApp.JsonOption(m);
        var departments = new Command("departments", m[MessageKeys.Cli.Departments]) { departmentsJson };
        departments.SetAction(r => For(r).ListDepartments(r.GetValue(departmentsJson)));
        yield return departments;

        var file = new Argument<string>("plan-file") { Description = m[MessageKeys.Cli.ImportFile] };
        var dryRun = new Option<bool>("--dry-run") { Description = m[MessageKeys.Cli.ImportDryRun] };
        var directory = new Option<string>(DirectoryOptionName) { Description = m[MessageKeys.Cli.ImportDirectory] };
        var importJson = CliApp.JsonOption(m);
        var import = new Command(ImportName, m[MessageKeys.Cli.Import]) { file, dryRun, directory, importJson };
        import.SetAction(r => For(r).Import(r.GetValue(file)!, r.GetValue(dryRun), r.GetValue(directory), r.GetValue(importJson)));
        yield return import;
    }

    private static PlanCommands For(ParseResult parsed) => new(CliContext.Of(parsed));

    private int ListTasks(bool json)
    {
        var tasks = context.Get<IPlanRepository>().Tasks();
        if (json)
        {
            context.Output.WriteLine(JsonOutput.Serialize(tasks.Select(JsonOutput.Task)));
            return 0;
        }
        foreach (var task in tasks)
        {
            context.Output.WriteLine(M.Format(MessageKeys.Cli.TasksLine, task.Label, task.Text));
            context.Output.WriteLine(M.Format(MessageKeys.Cli.TasksDetail, Names(task.LeadDepartments), Names(task.SupportDepartments), ScheduleText(task.Schedule)));
        }
        return 0;
    }

    private int ShowTask(string typed, bool json)
    {
        var plans = context.Get<IPlanRepository>();
        if (plans.ReadLabel(typed) is not { } label)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.TaskNumberInvalid, typed));
            return 1;
        }
        if (plans.FindByLabel(label) is not { } task)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.TaskNotFound, label));
            return 1;
        }
        if (json)
        {
            context.Output.WriteLine(JsonOutput.Serialize(JsonOutput.Task(task)));
            return 0;
        }
        context.Output.WriteLine(M.Format(MessageKeys.Cli.TasksLine, task.Label, task.Text));
        if (task.Section is { } section) context.Output.WriteLine(M.Format(MessageKeys.TaskInfo.Section, section));
        context.Output.WriteLine(M.Format(MessageKeys.Cli.TaskLead, Names(task.LeadDepartments)));
        context.Output.WriteLine(M.Format(MessageKeys.Cli.TaskSupport, Names(task.SupportDepartments)));
        context.Output.WriteLine(M.Format(MessageKeys.Cli.TaskSchedule, ScheduleText(task.Schedule)));
        return 0;
    }

    private int ListDepartments(bool json)
    {
        var plans = context.Get<IPlanRepository>();
        var tasks = plans.Tasks();
        var departments = plans.Departments().Select(d => JsonOutput.Department(d, tasks)).ToList();
        if (json)
        {
            context.Output.WriteLine(JsonOutput.Serialize(departments));
            return 0;
        }
        foreach (var d in departments)
        {
            var fullName = d.FullName is null ? "" : $"（{d.FullName}）";
            var aliases = d.Aliases.Count == 0 ? "" : M.Format(MessageKeys.Cli.DepartmentsAliases, Format.List(d.Aliases));
            context.Output.WriteLine(M.Format(MessageKeys.Cli.DepartmentsLine, d.Name, fullName, d.Lead.Count, d.Support.Count, aliases));
        }
        return 0;
    }

    private int Import(string file, bool dryRun, string? directoryFile, bool json)
    {
        IReadOnlyList<Core.Departments.Department>? directory = null;
        if (directoryFile is not null)
        {
            var directoryPath = Path.GetFullPath(directoryFile, context.WorkingDirectory);
            try
            {
                directory = DepartmentSeedFile.Load(directoryPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                context.Error.WriteLine(M.Format(MessageKeys.Import.Error, M.Format(MessageKeys.Import.DirectoryUnreadable, directoryPath, e.Message)));
                return 1;
            }
        }

        var path = Path.GetFullPath(file, context.WorkingDirectory);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.FileNotFound, path));
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.FileUnreadable, path, e.Message));
            return 1;
        }

        var explain = new PlanFileMessages(M, Format);
        PlanDocument document;
        try
        {
            document = PlanFileReader.Read(bytes, path);
        }
        catch (PlanFileException e)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Import.Error, $"{path}：{explain.Reason(e)}"));
            return 1;
        }

        ImportPreview preview;
        try
        {
            preview = new PlanImporter(context.Get<IPlanRepository>()).Preview(document, dryRun, directory);
        }
        catch (DepartmentNameClashException e)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Import.Error, M.Format(MessageKeys.Import.DirectoryClash, e.Department, e.Name, e.Owner)));
            return 1;
        }
        catch (PlanFormatException e)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Import.Error, $"{path}（{explain.Kind(document)}）：{explain.Reason(document, e.Error)}"));
            return 1;
        }

        if (json)
        {
            context.Output.WriteLine(JsonOutput.Serialize(JsonOutput.Preview(preview, dryRun)));
            return 0;
        }
        var text = new ImportPreviewText(M, Format);
        if (dryRun)
        {
            foreach (var line in text.Removal(preview)) context.Output.WriteLine(line);
            foreach (var line in text.Tasks(preview)) context.Output.WriteLine(line);
        }
        WriteImport(preview.Import, listAdded: !dryRun);
        foreach (var line in text.Departments(preview)) context.Output.WriteLine(line);
        if (dryRun) context.Output.WriteLine(M[MessageKeys.Import.DryRun]);
        return 0;
    }

    /// <param name="listAdded">False when the tasks were just listed one by one.</param>
    private void WriteImport(PlanImport import, bool listAdded)
    {
        var output = context.Output;
        if (!import.HasChanges)
        {
            output.WriteLine(M[MessageKeys.Import.Nothing]);
            return;
        }
        output.WriteLine(M.Format(MessageKeys.Import.Summary, import.Tasks.Count, import.Added.Count, import.Changed.Count, import.Removed.Count, import.UnchangedCount));
        if (listAdded)
            foreach (var task in import.Added) output.WriteLine(M.Format(MessageKeys.Import.Added, Format.TaskReference(task.Label), Shorten(task.Text)));
        foreach (var (_, after) in import.Changed) output.WriteLine(M.Format(MessageKeys.Import.Changed, Format.TaskReference(after.Label), Shorten(after.Text)));
        foreach (var task in import.Removed) output.WriteLine(M.Format(MessageKeys.Import.Removed, Format.TaskReference(task.Label), Shorten(task.Text)));
    }

    private string Names(IEnumerable<string> names)
    {
        var joined = Format.List(names);
        return joined.Length == 0 ? M[MessageKeys.Cli.None] : joined;
    }

    private string ScheduleText(Schedule schedule) => schedule.IsEmpty ? M[MessageKeys.Cli.TaskScheduleEmpty] : schedule.Text;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
