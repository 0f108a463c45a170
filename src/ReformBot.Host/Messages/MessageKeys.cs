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
    public const string CliInvite = "cli.invite";
    public const string CliInviteDepartment = "cli.invite.department";
    public const string CliAdminInvite = "cli.adminInvite";
    public const string CliContacts = "cli.contacts";
    public const string CliReports = "cli.reports";
    public const string CliReportsPeriod = "cli.reports.period";

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

    public const string ReportsPeriodInvalid = "cli.reports.periodInvalid";
    public const string ReportsNone = "cli.reports.none";
    public const string ReportsHeader = "cli.reports.header";
    public const string ReportsLine = "cli.reports.line";
    public const string ReportsPercent = "cli.reports.percent";
    public const string ReportsLate = "cli.reports.late";
    public const string ReportsSubmitted = "cli.reports.submitted";
    public const string ReportsUnknownContact = "cli.reports.unknownContact";
    public const string ReportsProgress = "cli.reports.progress";
    public const string ReportsProblems = "cli.reports.problems";
    public const string ReportsNextSteps = "cli.reports.nextSteps";
    public const string ReportsEvidence = "cli.reports.evidence";

    /// <summary>Prefix of the report status names; the status's enum name completes the key.</summary>
    public const string ReportStatusPrefix = "report.status.";

    public const string ImportSummary = "import.summary";
    public const string ImportDryRun = "import.dryRun";
    public const string ImportNothing = "import.nothing";
    public const string ImportAdded = "import.added";
    public const string ImportChanged = "import.changed";
    public const string ImportRemoved = "import.removed";
    public const string ImportNewDepartments = "import.newDepartments";
    public const string ImportError = "import.error";

    public const string SubscribeDone = "subscribe.done";
    public const string SubscribeAlready = "subscribe.already";
    public const string UnsubscribeDone = "unsubscribe.done";
    public const string UnsubscribeNotSubscribed = "unsubscribe.notSubscribed";

    public const string PeriodCurrent = "period.current";
    public const string PeriodOverridden = "period.overridden";
    public const string PeriodWindow = "period.window";
    public const string PeriodScheduleHeader = "period.scheduleHeader";
    public const string PeriodScheduleLine = "period.scheduleLine";
    public const string PeriodUsage = "period.usage";
    public const string PeriodInvalid = "period.invalid";
    public const string PeriodSet = "period.set";
    public const string PeriodCleared = "period.cleared";
    public const string PeriodAutoWords = "period.autoWords";
    public const string ReminderKindOpened = "reminder.kind.opened";
    public const string ReminderKindDue = "reminder.kind.due";
    public const string ReminderKindDueToday = "reminder.kind.dueToday";
    public const string ReminderKindOverdue = "reminder.kind.overdue";
    public const string ReminderKindEscalation = "reminder.kind.escalation";
    public const string CliPeriod = "cli.period";
    public const string CliPeriodSet = "cli.period.set";
    public const string CliPeriodClear = "cli.period.clear";

    public const string ReminderOpened = "reminder.opened";
    public const string ReminderDue = "reminder.due";
    public const string ReminderDueToday = "reminder.dueToday";
    public const string ReminderOverdue = "reminder.overdue";
    public const string ReminderManual = "reminder.manual";
    public const string ReminderPendingLine = "reminder.pendingLine";
    public const string ReminderNumbersMore = "reminder.numbersMore";
    public const string ReminderEscalation = "reminder.escalation";
    public const string ReminderEscalationLine = "reminder.escalationLine";
    public const string ReminderNoContact = "reminder.noContact";
    public const string ReminderUnreachable = "reminder.unreachable";
    public const string ReminderUnknown = "reminder.unknown";
    public const string RemindDone = "remind.done";
    public const string RemindNothing = "remind.nothing";

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

    public const string InviteMissingDepartment = "invite.missingDepartment";
    public const string InviteUnknownDepartment = "invite.unknownDepartment";
    public const string InviteSuggestions = "invite.suggestions";
    public const string InviteNoSuggestions = "invite.noSuggestions";
    public const string InviteCreated = "invite.created";
    public const string InviteCreatedOffice = "invite.createdOffice";

    public const string RegisterMissingCode = "register.missingCode";
    public const string RegisterUnknownCode = "register.unknownCode";
    public const string RegisterExpired = "register.expired";
    public const string RegisterUsed = "register.used";
    public const string RegisterAlreadyMember = "register.alreadyMember";
    public const string RegisterAlreadyOffice = "register.alreadyOffice";
    public const string RegisterInGroup = "register.inGroup";
    public const string RegisterRegistered = "register.registered";
    public const string RegisterJoined = "register.joined";
    public const string RegisterOffice = "register.office";

    public const string ContactsNone = "contacts.none";
    public const string ContactsHeader = "contacts.header";
    public const string ContactsOffice = "contacts.office";
    public const string ContactsDepartment = "contacts.department";
    public const string ContactsLine = "contacts.line";
    public const string ContactsUnnamed = "contacts.unnamed";
    public const string ContactsUnreachable = "contacts.unreachable";
    public const string ContactsUncovered = "contacts.uncovered";

    public static IReadOnlyList<string> All { get; } =
        typeof(MessageKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not (nameof(PlanErrorPrefix) or nameof(ReportStatusPrefix)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Enum.GetNames<ReformBot.Core.Plans.PlanFormatErrorKind>().Select(k => PlanErrorPrefix + k))
            .Concat(Enum.GetNames<ReformBot.Core.Reports.ReportStatus>().Select(s => ReportStatusPrefix + s))
            .ToList();
}
