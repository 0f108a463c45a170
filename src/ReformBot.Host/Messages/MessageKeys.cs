using System.Reflection;

namespace ReformBot.Host.Messages;

/// <summary>Keys of dialogs/messages.yaml that the code uses; the catalog refuses a file without any of them.</summary>
public static class MessageKeys
{
    public const string CliDescription = "cli.description";
    public const string CliOptionDb = "cli.option.db";
    public const string CliOptionJson = "cli.option.json";
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

    public const string DigestTitle = "digest.title";
    public const string DigestTitleDepartment = "digest.titleDepartment";
    public const string DigestTotals = "digest.totals";
    public const string DigestLights = "digest.lights";
    public const string DigestDepartmentsHeader = "digest.departmentsHeader";
    public const string DigestDepartmentLine = "digest.departmentLine";
    public const string DigestMoreDepartments = "digest.moreDepartments";
    public const string DigestBehindHeader = "digest.behindHeader";
    public const string DigestBehindLine = "digest.behindLine";
    public const string DigestNotReportedHeader = "digest.notReportedHeader";
    public const string DigestNotReportedLine = "digest.notReportedLine";
    public const string DigestNothingReported = "digest.nothingReported";
    public const string DigestOverdueHeader = "digest.overdueHeader";
    public const string DigestOverdueLine = "digest.overdueLine";
    public const string DigestChangesHeader = "digest.changesHeader";
    public const string DigestNone = "digest.none";
    public const string DigestContinued = "digest.continued";
    public const string DigestNotYours = "digest.notYours";
    public const string DigestUnknownArgument = "digest.unknownArgument";

    /// <summary>Prefix of the lines of "what changed"; the change kind's name completes the key.</summary>
    public const string DigestChangePrefix = "digest.change.";

    public const string ChartTitle = "chart.title";
    public const string ChartTitleDepartment = "chart.titleDepartment";
    public const string ChartTotals = "chart.totals";
    public const string ChartDepartmentsHeader = "chart.departmentsHeader";
    public const string ChartDepartmentValue = "chart.departmentValue";
    public const string ChartMoreDepartments = "chart.moreDepartments";
    public const string ChartStatusHeader = "chart.statusHeader";
    public const string ChartStatusValue = "chart.statusValue";
    public const string ChartNotSubmitted = "chart.notSubmitted";
    public const string ChartNone = "chart.none";
    public const string ChartFileName = "chart.fileName";

    /// <summary>Prefix of the chart's legend of lights; the light's name completes the key.</summary>
    public const string ChartLightPrefix = "chart.light.";

    public const string LedgerFileName = "ledger.fileName";
    public const string LedgerFileNameDepartments = "ledger.fileNameDepartments";
    public const string LedgerSheetSummary = "ledger.sheet.summary";
    public const string LedgerSheetTasks = "ledger.sheet.tasks";
    public const string LedgerSheetRevisions = "ledger.sheet.revisions";
    public const string LedgerTotal = "ledger.total";
    public const string LedgerYes = "ledger.yes";
    public const string LedgerNo = "ledger.no";
    public const string LedgerColDepartment = "ledger.col.department";
    public const string LedgerColLeadDepartment = "ledger.col.leadDepartment";
    public const string LedgerColLight = "ledger.col.light";
    public const string LedgerColExpected = "ledger.col.expected";
    public const string LedgerColSubmitted = "ledger.col.submitted";
    public const string LedgerColRate = "ledger.col.rate";
    public const string LedgerColNotSubmitted = "ledger.col.notSubmitted";
    public const string LedgerColRed = "ledger.col.red";
    public const string LedgerColYellow = "ledger.col.yellow";
    public const string LedgerColGreen = "ledger.col.green";
    public const string LedgerColCopied = "ledger.col.copied";
    public const string LedgerColOverdue = "ledger.col.overdue";
    public const string LedgerColNumber = "ledger.col.number";
    public const string LedgerColText = "ledger.col.text";
    public const string LedgerColSchedule = "ledger.col.schedule";
    public const string LedgerColPeriodStatus = "ledger.col.periodStatus";
    public const string LedgerColStatus = "ledger.col.status";
    public const string LedgerColPercent = "ledger.col.percent";
    public const string LedgerColRevision = "ledger.col.revision";
    public const string LedgerColProgress = "ledger.col.progress";
    public const string LedgerColProblems = "ledger.col.problems";
    public const string LedgerColNextSteps = "ledger.col.nextSteps";
    public const string LedgerColEvidence = "ledger.col.evidence";
    public const string LedgerColSubmitter = "ledger.col.submitter";
    public const string LedgerColSubmitterId = "ledger.col.submitterId";
    public const string LedgerColSubmittedAt = "ledger.col.submittedAt";
    public const string LedgerColLate = "ledger.col.late";

    /// <summary>Prefix of the ledger's light words; the light's name completes the key.</summary>
    public const string LedgerLightPrefix = "ledger.light.";

    public const string ExportLink = "export.link";
    public const string ExportScopeAll = "export.scopeAll";
    public const string ExportNotYours = "export.notYours";
    public const string ExportUnknownArgument = "export.unknownArgument";
    public const string ExportInGroup = "export.inGroup";
    public const string DownloadNotFound = "download.notFound";

    public const string CliDigest = "cli.digest";
    public const string CliDigestPeriod = "cli.digest.period";
    public const string CliDigestDepartment = "cli.digest.department";
    public const string CliDigestFormat = "cli.digest.format";
    public const string CliExport = "cli.export";
    public const string CliExportDepartment = "cli.export.department";
    public const string CliExportOut = "cli.export.out";
    public const string CliExportDone = "cli.export.done";
    public const string CliExportFailed = "cli.export.failed";

    /// <summary>Prefix of the traffic-light marks; the light's name completes the key.</summary>
    public const string DigestLightPrefix = "digest.light.";

    /// <summary>Prefix of the plan format errors; the error kind's name completes the key.</summary>
    public const string PlanErrorPrefix = "plan.error.";


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
    public const string FormatSeparator = "format.separator";
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
            .Where(f => f.IsLiteral && f.Name is not (nameof(PlanErrorPrefix) or nameof(ReportStatusPrefix) or nameof(DigestLightPrefix)
                or nameof(DigestChangePrefix) or nameof(ChartLightPrefix) or nameof(LedgerLightPrefix)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Enum.GetNames<ReformBot.Core.Plans.PlanFormatErrorKind>().Select(k => PlanErrorPrefix + k))
            .Concat(Enum.GetNames<ReformBot.Core.Digests.TrafficLight>().SelectMany(l => new[] { DigestLightPrefix + l, ChartLightPrefix + l, LedgerLightPrefix + l }))
            .Concat(Enum.GetNames<ReformBot.Core.Digests.DigestChangeKind>().Select(k => DigestChangePrefix + k))
            .Concat(Enum.GetNames<ReformBot.Core.Reports.ReportStatus>().Select(s => ReportStatusPrefix + s))
            .ToList();
}
