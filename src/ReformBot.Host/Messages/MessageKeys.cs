using System.Reflection;

namespace ReformBot.Host.Messages;

/// <summary>Keys of dialogs/messages.yaml that the code uses; the catalog refuses a file without any of them.</summary>
public static class MessageKeys
{
    public const string CliDescription = "cli.description";
    public const string CliOptionDb = "cli.option.db";
    public const string CliOptionJson = "cli.option.json";
    public const string CliServe = "cli.serve";
    public const string CliTasks = "cli.tasks";
    public const string CliTask = "cli.task";
    public const string CliTaskNumber = "cli.task.number";
    public const string CliDepartments = "cli.departments";
    public const string CliImport = "cli.import";
    public const string CliImportFile = "cli.import.file";
    public const string CliImportDryRun = "cli.import.dryRun";

    public const string TaskNotFound = "cli.task.notFound";
    public const string TaskNumberInvalid = "cli.task.numberInvalid";
    public const string TaskLead = "cli.task.lead";
    public const string TaskSupport = "cli.task.support";
    public const string TaskSchedule = "cli.task.schedule";
    public const string TaskScheduleEmpty = "cli.task.scheduleEmpty";
    public const string TasksLine = "cli.tasks.line";
    public const string TasksDetail = "cli.tasks.detail";
    public const string None = "cli.none";
    public const string DepartmentsLine = "cli.departments.line";
    public const string DepartmentsAliases = "cli.departments.aliases";
    public const string FileNotFound = "cli.file.notFound";
    public const string FileUnreadable = "cli.file.unreadable";
    public const string DatabaseLocked = "cli.database.locked";
    public const string HostFailed = "cli.host.failed";

    public const string ImportSummary = "import.summary";
    public const string ImportDryRun = "import.dryRun";
    public const string ImportNothing = "import.nothing";
    public const string ImportAdded = "import.added";
    public const string ImportChanged = "import.changed";
    public const string ImportRemoved = "import.removed";
    public const string ImportNewDepartments = "import.newDepartments";
    public const string ImportError = "import.error";

    /// <summary>Prefix of the plan format errors; the error kind's name completes the key.</summary>
    public const string PlanErrorPrefix = "plan.error.";

    public const string HostStarted = "host.started";

    public const string BotWelcome = "bot.welcome";
    public const string BotUnknown = "bot.unknown";
    public const string BotHelpHeader = "bot.help.header";
    public const string BotHelpLine = "bot.help.line";
    public const string BotOfficeOnly = "bot.officeOnly";
    public const string BotTooLong = "bot.tooLong";
    public const string BotError = "bot.error";

    public const string FormatPeriod = "format.period";
    public const string FormatDate = "format.date";
    public const string FormatEllipsis = "format.ellipsis";
    public const string ReportNotRegistered = "report.notRegistered";
    public const string ReportNoDepartment = "report.noDepartment";
    public const string ReportNothingPending = "report.nothingPending";
    public const string ReportTaskNumberInvalid = "report.taskNumberInvalid";
    public const string ReportTaskNotFound = "report.taskNotFound";
    public const string ReportNotLead = "report.notLead";
    public const string ReportChooseDepartment = "report.chooseDepartment";
    public const string ReportUnknownDepartment = "report.unknownDepartment";
    public const string ReportStarting = "report.starting";
    public const string ReportEditing = "report.editing";
    public const string ReportResuming = "report.resuming";
    public const string ReportSaved = "report.saved";
    public const string ReportSavedLate = "report.savedLate";
    public const string ReportNoteSaved = "report.noteSaved";
    public const string ReportSkipped = "report.skipped";
    public const string ReportPaused = "report.paused";
    public const string ReportCancelled = "report.cancelled";
    public const string ReportFinished = "report.finished";
    public const string ReportLastAnswer = "report.lastAnswer";
    public const string ReportNoLastAnswer = "report.noLastAnswer";
    public const string ReportPlanDeadlineNone = "report.planDeadlineNone";
    public const string ReportInProgressHint = "report.inProgressHint";
    public const string TaskInfoUsage = "task.usage";
    public const string TaskInfoHeader = "task.header";
    public const string TaskInfoLead = "task.lead";
    public const string TaskInfoSupport = "task.support";
    public const string TaskInfoSchedule = "task.schedule";
    public const string TaskInfoOverdue = "task.overdue";
    public const string TaskInfoHistoryHeader = "task.historyHeader";
    public const string TaskInfoHistoryLine = "task.historyLine";
    public const string TaskInfoHistoryLate = "task.historyLate";
    public const string TaskInfoHistoryNone = "task.historyNone";
    public const string TaskInfoNoteLine = "task.noteLine";
    public const string MytasksHeader = "mytasks.header";
    public const string MytasksLeadHeader = "mytasks.leadHeader";
    public const string MytasksLeadLine = "mytasks.leadLine";
    public const string MytasksNotReported = "mytasks.notReported";
    public const string MytasksSupportHeader = "mytasks.supportHeader";
    public const string MytasksSupportLine = "mytasks.supportLine";
    public const string MytasksFooter = "mytasks.footer";
    public const string OverdueHeader = "overdue.header";
    public const string OverdueLine = "overdue.line";
    public const string OverdueNone = "overdue.none";

    public static IReadOnlyList<string> All { get; } =
        typeof(MessageKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(PlanErrorPrefix))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Enum.GetNames<ReformBot.Core.Plans.PlanFormatErrorKind>().Select(k => PlanErrorPrefix + k))
            .ToList();
}
