using System.CommandLine;
using System.CommandLine.Parsing;
using ReformBot.Core.Plans;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.Seeding;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Cli.Commands;

/// <summary>The plan: tasks, task, departments, import.</summary>
internal sealed class PlanCommands(CliContext context)
{
    /// <summary>The command that loads a plan of its own, so a new database gets no shipped plan before it.</summary>
    public const string ImportName = "import";

    private MessageCatalog M => context.Messages;

    private TextFormat Format => context.Get<TextFormat>();

    public static IEnumerable<Command> Create(MessageCatalog m)
    {
        var tasksJson = CliApp.JsonOption(m);
        var tasks = new Command("tasks", m[CliTasks]) { tasksJson };
        tasks.SetAction(r => For(r).ListTasks(r.GetValue(tasksJson)));
        yield return tasks;

        var taskJson = CliApp.JsonOption(m);
        var number = new Argument<int>("n") { Description = m[CliTaskNumber], CustomParser = result => ParseTaskNumber(result, m) };
        var task = new Command("task", m[CliTask]) { number, taskJson };
        task.SetAction(r => For(r).ShowTask(r.GetValue(number), r.GetValue(taskJson)));
        yield return task;

        var departmentsJson = CliApp.JsonOption(m);
        var departments = new Command("departments", m[CliDepartments]) { departmentsJson };
        departments.SetAction(r => For(r).ListDepartments(r.GetValue(departmentsJson)));
        yield return departments;

        var file = new Argument<string>("plan.txt") { Description = m[CliImportFile] };
        var dryRun = new Option<bool>("--dry-run") { Description = m[CliImportDryRun] };
        var import = new Command(ImportName, m[CliImport]) { file, dryRun };
        import.SetAction(r => For(r).Import(r.GetValue(file)!, r.GetValue(dryRun)));
        yield return import;
    }

    private static PlanCommands For(ParseResult parsed) => new(CliContext.Of(parsed));

    private static int ParseTaskNumber(ArgumentResult result, MessageCatalog m)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, out var number)) return number;
        result.AddError(m.Format(TaskNumberInvalid, text));
        return 0;
    }

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
            context.Output.WriteLine(M.Format(TasksLine, task.Number, task.Text));
            context.Output.WriteLine(M.Format(TasksDetail, Names(task.LeadDepartments), Names(task.SupportDepartments), ScheduleText(task.Schedule)));
        }
        return 0;
    }

    private int ShowTask(int number, bool json)
    {
        var task = context.Get<IPlanRepository>().FindTask(number);
        if (task is null)
        {
            context.Error.WriteLine(M.Format(TaskNotFound, number));
            return 1;
        }
        if (json)
        {
            context.Output.WriteLine(JsonOutput.Serialize(JsonOutput.Task(task)));
            return 0;
        }
        context.Output.WriteLine(M.Format(TasksLine, task.Number, task.Text));
        context.Output.WriteLine(M.Format(TaskLead, Names(task.LeadDepartments)));
        context.Output.WriteLine(M.Format(TaskSupport, Names(task.SupportDepartments)));
        context.Output.WriteLine(M.Format(TaskSchedule, ScheduleText(task.Schedule)));
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
            var aliases = d.Aliases.Count == 0 ? "" : M.Format(DepartmentsAliases, Format.List(d.Aliases));
            context.Output.WriteLine(M.Format(DepartmentsLine, d.Name, fullName, d.Lead.Count, d.Support.Count, aliases));
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
            import = new PlanImporter(context.Get<IPlanRepository>()).Import(text, dryRun);
        }
        catch (PlanFormatException e)
        {
            var reason = M.Format(PlanErrorPrefix + e.Error.Kind, e.Error.Line, e.Error.Detail);
            context.Error.WriteLine(M.Format(ImportError, $"{path}: {reason}"));
            return 1;
        }

        WriteImport(import);
        if (dryRun) context.Output.WriteLine(M[ImportDryRun]);
        return 0;
    }

    private void WriteImport(PlanImport import)
    {
        var output = context.Output;
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
            output.WriteLine(M.Format(ImportNewDepartments, Format.List(import.NewDepartments.Select(d => d.Name))));
    }

    private string Names(IEnumerable<string> names)
    {
        var joined = Format.List(names);
        return joined.Length == 0 ? M[None] : joined;
    }

    private string ScheduleText(Schedule schedule) => schedule.IsEmpty ? M[TaskScheduleEmpty] : schedule.Text;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
