using System.Reflection;

namespace ReformBot.Host.Messages;

/// <summary>
/// Keys of dialogs/messages.yaml that the code uses, grouped by feature; the catalog refuses a file
/// without any of them.
/// </summary>
public static class MessageKeys
{
    /// <summary>The command-line tool: command help and output.</summary>
    public static class Cli
    {
        public const string Description = "cli.description";
        public const string OptionDb = "cli.option.db";
        public const string OptionJson = "cli.option.json";
        public const string Tasks = "cli.tasks";
        public const string Task = "cli.task";
        public const string TaskNumber = "cli.task.number";
        public const string Departments = "cli.departments";
        public const string Import = "cli.import";
        public const string ImportFile = "cli.import.file";
        public const string ImportDryRun = "cli.import.dryRun";
        public const string ImportDirectory = "cli.import.directory";
        public const string Invite = "cli.invite";
        public const string InviteDepartment = "cli.invite.department";
        public const string AdminInvite = "cli.adminInvite";
        public const string Contacts = "cli.contacts";
        public const string Reports = "cli.reports";
        public const string ReportsPeriod = "cli.reports.period";
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
        public const string HostNotAnswering = "cli.host.notAnswering";
        public const string HostUntrusted = "cli.host.untrusted";
        public const string HostUnproven = "cli.host.unproven";
        public const string DatabaseInUse = "cli.database.inUse";
        public const string DatabaseDamaged = "cli.database.damaged";
        public const string DatabaseEmpty = "cli.database.empty";
        public const string DatabaseReadOnly = "cli.database.readOnly";
        public const string DatabaseSymbolicLink = "cli.database.symlink";
        public const string Backup = "cli.backup";
        public const string BackupOut = "cli.backup.out";
        public const string BackupDone = "cli.backup.done";
        public const string BackupFailed = "cli.backup.failed";
        public const string Restore = "cli.restore";
        public const string RestoreFile = "cli.restore.file";
        public const string RestoreHostRunning = "cli.restore.hostRunning";
        public const string RestoreBad = "cli.restore.bad";
        public const string RestoreDone = "cli.restore.done";
        public const string RestoreKept = "cli.restore.kept";
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
        public const string Period = "cli.period";
        public const string PeriodSet = "cli.period.set";
        public const string PeriodClear = "cli.period.clear";
        public const string Digest = "cli.digest";
        public const string DigestPeriod = "cli.digest.period";
        public const string DigestDepartment = "cli.digest.department";
        public const string DigestFormat = "cli.digest.format";
        public const string Export = "cli.export";
        public const string ExportDepartment = "cli.export.department";
        public const string ExportOut = "cli.export.out";
        public const string ExportDone = "cli.export.done";
        public const string ExportFailed = "cli.export.failed";
    }

    /// <summary>The quarterly report (汇报) and the status words.</summary>
    public static class Report
    {
        /// <summary>Prefix of the report status names; the status's enum name completes the key.</summary>
        public const string StatusPrefix = "report.status.";
        public const string NotRegistered = "report.notRegistered";
        public const string NoDepartment = "report.noDepartment";
        public const string NothingPending = "report.nothingPending";
        public const string TaskNumberInvalid = "report.taskNumberInvalid";
        public const string TaskNotFound = "report.taskNotFound";
        public const string NotLead = "report.notLead";
        public const string ChooseDepartment = "report.chooseDepartment";
        public const string UnknownDepartment = "report.unknownDepartment";
        public const string Starting = "report.starting";
        public const string Editing = "report.editing";
        public const string Resuming = "report.resuming";
        public const string Saved = "report.saved";
        public const string NoteSaved = "report.noteSaved";
        public const string NoteAlreadySaved = "report.noteAlreadySaved";
        public const string NotesStarting = "report.notesStarting";
        public const string StartingWithNotes = "report.startingWithNotes";
        public const string NotesFollow = "report.notesFollow";
        public const string SupportNote = "report.supportNote";
        public const string Skipped = "report.skipped";
        public const string Paused = "report.paused";
        public const string Cancelled = "report.cancelled";
        public const string Finished = "report.finished";
        public const string LastAnswer = "report.lastAnswer";
        public const string NoLastAnswer = "report.noLastAnswer";
        public const string PlanDeadlineNone = "report.planDeadlineNone";
        public const string NoLongerMember = "report.noLongerMember";
        public const string SkippedKept = "report.skippedKept";
        public const string CancelConfirm = "report.cancelConfirm";
        public const string CurrentAnswer = "report.currentAnswer";
        public const string PeriodChanged = "report.periodChanged";
        public const string Copied = "report.copied";
        public const string Late = "report.late";
        public const string AlreadySaved = "report.alreadySaved";
        public const string CardTitle = "report.card.title";
        public const string CardHint = "report.card.hint";
        public const string CardSubmit = "report.card.submit";
        public const string CardNumberError = "report.card.numberError";
        public const string CardStatus = "report.card.label.status";
        public const string CardProgress = "report.card.label.progress";
        public const string CardProblems = "report.card.label.problems";
        public const string CardNextSteps = "report.card.label.nextSteps";
        public const string CardPercent = "report.card.label.percent";
        public const string CardEvidence = "report.card.label.evidence";
        public const string CardNotLead = "report.card.notLead";
    }

    /// <summary>Plan import.</summary>
    public static class Import
    {
        public const string Summary = "import.summary";
        public const string DryRun = "import.dryRun";
        public const string Nothing = "import.nothing";
        public const string Added = "import.added";
        public const string Changed = "import.changed";
        public const string Removed = "import.removed";
        public const string Removal = "import.removal";
        public const string RemovalMost = "import.removalMost";
        public const string NewDepartments = "import.newDepartments";
        public const string Error = "import.error";
        public const string PreviewTask = "import.preview.task";
        public const string PreviewTaskWritten = "import.preview.taskWritten";
        public const string PreviewDepartments = "import.preview.departments";
        public const string PreviewSchedule = "import.preview.schedule";
        public const string ScheduleEmpty = "import.schedule.empty";
        public const string ScheduleRead = "import.schedule.read";
        public const string ScheduleStart = "import.schedule.start";
        public const string ScheduleDue = "import.schedule.due";
        public const string ScheduleDone = "import.schedule.done";
        public const string ScheduleOngoing = "import.schedule.ongoing";
        public const string ScheduleEveryYear = "import.schedule.everyYear";
        /// <summary>Followed by a <see cref="ReformBot.Core.Plans.PlanWarningKind"/>.</summary>
        public const string WarningPrefix = "import.warning.";
        public const string WarningsSummary = "import.warningsSummary";
        public const string MappingsHeader = "import.mappingsHeader";
        public const string Mapping = "import.mapping";
        public const string DirectoryDepartments = "import.directoryDepartments";
        public const string DirectoryUnreadable = "import.directoryUnreadable";
        public const string DirectoryClash = "import.directoryClash";
        public const string ChatNoFile = "import.chat.noFile";
        public const string ChatUnnamedFile = "import.chat.unnamedFile";
        public const string ChatOnlyFirst = "import.chat.onlyFirst";
        public const string ChatContactFile = "import.chat.contactFile";
        public const string ChatFileInReport = "import.chat.fileInReport";
        public const string ChatFileInReportOffice = "import.chat.fileInReportOffice";
        public const string ChatInGroup = "import.chat.inGroup";
        public const string ChatNotAllowed = "import.chat.notAllowed";
        public const string ChatTooLarge = "import.chat.tooLarge";
        public const string ChatDownloadFailed = "import.chat.downloadFailed";
        public const string ChatPreview = "import.chat.preview";
        public const string ChatNewDepartments = "import.chat.newDepartments";
        public const string ChatWarnings = "import.chat.warnings";
        public const string ChatWarning = "import.chat.warning";
        public const string ChatAsk = "import.chat.ask";
        public const string ChatConfirmButton = "import.chat.confirmButton";
        public const string ChatCancelButton = "import.chat.cancelButton";
        public const string ChatNothingPending = "import.chat.nothingPending";
        public const string ChatCancelled = "import.chat.cancelled";
        public const string ChatChangedSince = "import.chat.changedSince";
        public const string ChatRestarted = "import.chat.restarted";
        public const string ChatDone = "import.chat.done";
    }

    /// <summary>订阅 / 退订.</summary>
    public static class Subscription
    {
        public const string SubscribeDone = "subscribe.done";
        public const string SubscribeAlready = "subscribe.already";
        public const string UnsubscribeDone = "unsubscribe.done";
        public const string UnsubscribeNotSubscribed = "unsubscribe.notSubscribed";
    }

    /// <summary>周期 and `period`: the period being reported.</summary>
    public static class Period
    {
        public const string Current = "period.current";
        public const string Overridden = "period.overridden";
        public const string Window = "period.window";
        public const string ScheduleHeader = "period.scheduleHeader";
        public const string ScheduleLine = "period.scheduleLine";
        public const string Moved = "period.moved";
        public const string MovedHoliday = "period.movedHoliday";
        public const string MovedWeekend = "period.movedWeekend";
        public const string MovedDayOff = "period.movedDayOff";
        public const string MovedLater = "period.movedLater";
        public const string MovedEarlier = "period.movedEarlier";
        public const string Usage = "period.usage";
        public const string Invalid = "period.invalid";
        public const string Set = "period.set";
        public const string Cleared = "period.cleared";
        public const string AutoWords = "period.autoWords";
    }

    /// <summary>Reminders, the escalation and 提醒.</summary>
    public static class Reminder
    {
        public const string KindOpened = "reminder.kind.opened";
        public const string KindDue = "reminder.kind.due";
        public const string KindDueToday = "reminder.kind.dueToday";
        public const string KindOverdue = "reminder.kind.overdue";
        public const string KindEscalation = "reminder.kind.escalation";
        public const string Opened = "reminder.opened";
        public const string Due = "reminder.due";
        public const string DueToday = "reminder.dueToday";
        public const string Overdue = "reminder.overdue";
        public const string Manual = "reminder.manual";
        public const string PendingLine = "reminder.pendingLine";
        public const string Numbers = "reminder.numbers";
        public const string NumbersMore = "reminder.numbersMore";
        public const string Escalation = "reminder.escalation";
        public const string EscalationLine = "reminder.escalationLine";
        public const string NoContact = "reminder.noContact";
        public const string Unreachable = "reminder.unreachable";
        public const string Unknown = "reminder.unknown";
        public const string RemindNothing = "remind.nothing";
        public const string RemindStarted = "remind.started";
        public const string RemindNobody = "remind.nobody";
        public const string RemindWithoutContact = "remind.withoutContact";
        public const string RemindUnreachable = "remind.unreachable";
    }

    /// <summary>催办 (office), and the summaries of 提醒 and 催办.</summary>
    public static class Chase
    {
        public const string Usage = "chase.usage";
        public const string Started = "chase.started";
        public const string NoContact = "chase.noContact";
        public const string AllUnreachable = "chase.allUnreachable";
        public const string Message = "chase.message";
        public const string Note = "chase.note";
        public const string NothingPending = "chase.nothingPending";
        public const string Summary = "chase.summary";
        public const string RemindName = "chase.remindName";
        public const string ChaseName = "chase.chaseName";
        public const string SummaryDelivered = "chase.summaryDelivered";
        public const string SummaryAlready = "chase.summaryAlready";
        public const string SummaryUnreachable = "chase.summaryUnreachable";
        public const string SummaryFailed = "chase.summaryFailed";
        public const string SummaryUnknown = "chase.summaryUnknown";
        public const string SummarySeparator = "chase.summarySeparator";
    }

    /// <summary>退回 (office): sending a report back.</summary>
    public static class ReturnReport
    {
        public const string Usage = "return.usage";
        public const string TaskNumberInvalid = "return.taskNumberInvalid";
        public const string NotLead = "return.notLead";
        public const string NothingToReturn = "return.nothingToReturn";
        public const string AlreadyReturned = "return.alreadyReturned";
        public const string Done = "return.done";
        public const string Notifying = "return.notifying";
        public const string NoContact = "return.noContact";
        public const string Message = "return.message";
        public const string NoticeName = "return.noticeName";
        public const string Returned = "return.returned";
    }

    /// <summary>The digest (周报) as chat Markdown.</summary>
    public static class Digest
    {
        public const string Title = "digest.title";
        public const string TitleDepartment = "digest.titleDepartment";
        public const string Totals = "digest.totals";
        public const string Lights = "digest.lights";
        public const string DepartmentsHeader = "digest.departmentsHeader";
        public const string DepartmentLine = "digest.departmentLine";
        public const string MoreDepartments = "digest.moreDepartments";
        public const string SummaryTotals = "digest.summaryTotals";
        public const string SummaryRedHeader = "digest.summaryRedHeader";
        public const string SummaryRedLine = "digest.summaryRedLine";
        public const string SummaryMoreRed = "digest.summaryMoreRed";
        public const string DepartmentReasons = "digest.departmentReasons";
        public const string ReasonReporting = "digest.reasonReporting";
        public const string ReasonProgress = "digest.reasonProgress";
        public const string ReasonMissingLate = "digest.reasonMissingLate";
        public const string ReasonMissingSoon = "digest.reasonMissingSoon";
        public const string ReasonOverdue = "digest.reasonOverdue";
        public const string ReasonBehind = "digest.reasonBehind";
        public const string ReasonPartSeparator = "digest.reasonPartSeparator";
        public const string ReasonSeparator = "digest.reasonSeparator";
        public const string SummaryPressingHeader = "digest.summaryPressingHeader";
        public const string SummaryMore = "digest.summaryMore";
        public const string SummaryMoreContact = "digest.summaryMoreContact";
        public const string DetailWord = "digest.detailWord";
        public const string OverdueNotReported = "digest.overdueNotReported";
        public const string DetailButton = "digest.detailButton";
        public const string ChaseButton = "digest.chaseButton";
        public const string BehindHeader = "digest.behindHeader";
        public const string BehindLine = "digest.behindLine";
        public const string ReturnedHeader = "digest.returnedHeader";
        public const string ReturnedLine = "digest.returnedLine";
        public const string NotReportedHeader = "digest.notReportedHeader";
        public const string NotReportedLine = "digest.notReportedLine";
        public const string NothingReported = "digest.nothingReported";
        public const string OverdueHeader = "digest.overdueHeader";
        public const string OverdueLine = "digest.overdueLine";
        public const string ChangesHeader = "digest.changesHeader";
        public const string NotesHeader = "digest.notesHeader";
        public const string NoteLine = "digest.noteLine";
        public const string None = "digest.none";
        public const string Continued = "digest.continued";
        public const string NotYours = "digest.notYours";
        public const string UnknownArgument = "digest.unknownArgument";
        /// <summary>Prefix of the lines of "what changed"; the change kind's name completes the key.</summary>
        public const string ChangePrefix = "digest.change.";
        /// <summary>Prefix of the traffic-light marks; the light's name completes the key.</summary>
        public const string LightPrefix = "digest.light.";
    }

    /// <summary>The digest's chart.</summary>
    public static class Chart
    {
        public const string Title = "chart.title";
        public const string TitleDepartment = "chart.titleDepartment";
        public const string Totals = "chart.totals";
        public const string DepartmentsHeader = "chart.departmentsHeader";
        public const string DepartmentValue = "chart.departmentValue";
        public const string ReportingColumn = "chart.reportingColumn";
        public const string ProgressColumn = "chart.progressColumn";
        public const string MoreDepartments = "chart.moreDepartments";
        public const string StatusHeader = "chart.statusHeader";
        public const string StatusValue = "chart.statusValue";
        public const string NotSubmitted = "chart.notSubmitted";
        public const string None = "chart.none";
        public const string FileName = "chart.fileName";
        /// <summary>Prefix of the chart's legend of lights; the light's name completes the key.</summary>
        public const string LightPrefix = "chart.light.";
    }

    /// <summary>The ledger (台账, .xlsx).</summary>
    public static class Ledger
    {
        public const string FileName = "ledger.fileName";
        public const string FileNameDepartments = "ledger.fileNameDepartments";
        public const string SheetSummary = "ledger.sheet.summary";
        public const string SheetTasks = "ledger.sheet.tasks";
        public const string SheetRevisions = "ledger.sheet.revisions";
        public const string SheetAbout = "ledger.sheet.about";
        public const string PlanTitle = "ledger.planTitle";
        public const string Title = "ledger.title";
        public const string Footer = "ledger.footer";
        public const string RemovedContact = "ledger.removedContact";
        public const string Total = "ledger.total";
        public const string Yes = "ledger.yes";
        public const string No = "ledger.no";
        public const string ColDepartment = "ledger.col.department";
        public const string ColLeadDepartment = "ledger.col.leadDepartment";
        public const string ColReportingLight = "ledger.col.reportingLight";
        public const string ColProgressLight = "ledger.col.progressLight";
        public const string ColExpected = "ledger.col.expected";
        public const string ColSubmitted = "ledger.col.submitted";
        public const string ColRate = "ledger.col.rate";
        public const string ColNotSubmitted = "ledger.col.notSubmitted";
        public const string ColReportingRed = "ledger.col.reportingRed";
        public const string ColReportingYellow = "ledger.col.reportingYellow";
        public const string ColProgressRed = "ledger.col.progressRed";
        public const string ColProgressYellow = "ledger.col.progressYellow";
        public const string ColCopied = "ledger.col.copied";
        public const string ColOverdue = "ledger.col.overdue";
        public const string ColNumber = "ledger.col.number";
        public const string ColText = "ledger.col.text";
        public const string ColSchedule = "ledger.col.schedule";
        public const string ColPeriodStatus = "ledger.col.periodStatus";
        public const string ColStatus = "ledger.col.status";
        public const string ColPercent = "ledger.col.percent";
        public const string ColRevision = "ledger.col.revision";
        public const string ColProgress = "ledger.col.progress";
        public const string ColProblems = "ledger.col.problems";
        public const string ColNextSteps = "ledger.col.nextSteps";
        public const string ColEvidence = "ledger.col.evidence";
        public const string ColSubmitter = "ledger.col.submitter";
        public const string ColSupportNotes = "ledger.col.supportNotes";
        /// <summary>One supporting department's note in the 任务 sheet: department and text.</summary>
        public const string SupportNote = "ledger.supportNote";
        /// <summary>What 汇报记录's 状态 says for a supporting department's note.</summary>
        public const string SupportNoteStatus = "ledger.noteStatus";
        public const string ColSubmittedAt = "ledger.col.submittedAt";
        public const string ColLate = "ledger.col.late";
        /// <summary>Prefix of the ledger's light words; the light's name completes the key.</summary>
        public const string LightPrefix = "ledger.light.";
        public const string AboutColCategory = "ledger.about.col.category";
        public const string AboutColName = "ledger.about.col.name";
        public const string AboutColMeaning = "ledger.about.col.meaning";
        public const string AboutThisSheet = "ledger.about.thisSheet";
        public const string AboutSummary = "ledger.about.summary";
        public const string AboutTasks = "ledger.about.tasks";
        public const string AboutRevisions = "ledger.about.revisions";
        public const string AboutReportingLight = "ledger.about.reportingLight";
        public const string AboutReportingMeaning = "ledger.about.reportingMeaning";
        public const string AboutReportingRed = "ledger.about.reportingRed";
        public const string AboutReportingYellow = "ledger.about.reportingYellow";
        public const string AboutReportingGreen = "ledger.about.reportingGreen";
        public const string AboutProgressLight = "ledger.about.progressLight";
        public const string AboutProgressMeaning = "ledger.about.progressMeaning";
        public const string AboutProgressRed = "ledger.about.progressRed";
        public const string AboutProgressYellow = "ledger.about.progressYellow";
        public const string AboutProgressGreen = "ledger.about.progressGreen";
        public const string AboutDepartmentLight = "ledger.about.departmentLight";
        public const string AboutDepartmentLightMeaning = "ledger.about.departmentLightMeaning";
        public const string NoteDepartment = "ledger.note.department";
        public const string NoteLeadDepartment = "ledger.note.leadDepartment";
        public const string NoteReportingLight = "ledger.note.reportingLight";
        public const string NoteProgressLight = "ledger.note.progressLight";
        public const string NoteExpected = "ledger.note.expected";
        public const string NoteSubmitted = "ledger.note.submitted";
        public const string NoteRate = "ledger.note.rate";
        public const string NoteStatusCount = "ledger.note.statusCount";
        public const string NoteNotSubmitted = "ledger.note.notSubmitted";
        public const string NoteLightCount = "ledger.note.lightCount";
        public const string NoteCopied = "ledger.note.copied";
        public const string NoteOverdue = "ledger.note.overdue";
        public const string NoteNumber = "ledger.note.number";
        public const string NoteText = "ledger.note.text";
        public const string NoteSchedule = "ledger.note.schedule";
        public const string NotePeriodStatus = "ledger.note.periodStatus";
        public const string NoteStatus = "ledger.note.status";
        public const string NotePercent = "ledger.note.percent";
        public const string NoteRevision = "ledger.note.revision";
        public const string NoteProgress = "ledger.note.progress";
        public const string NoteProblems = "ledger.note.problems";
        public const string NoteNextSteps = "ledger.note.nextSteps";
        public const string NoteEvidence = "ledger.note.evidence";
        public const string NoteSupportNotes = "ledger.note.supportNotes";
        public const string NoteSubmitter = "ledger.note.submitter";
        public const string NoteSubmittedAt = "ledger.note.submittedAt";
        public const string NoteLate = "ledger.note.late";
    }

    /// <summary>导出 and download links.</summary>
    public static class Export
    {
        public const string Link = "export.link";
        public const string ScopeAll = "export.scopeAll";
        public const string NotYours = "export.notYours";
        public const string UnknownArgument = "export.unknownArgument";
        public const string InGroup = "export.inGroup";
        public const string DownloadNotFound = "download.notFound";
    }

    /// <summary>Plan format errors.</summary>
    public static class Plan
    {
        /// <summary>Prefix of the plan format errors; the error kind's name completes the key.</summary>
        public const string ErrorPrefix = "plan.error.";
        /// <summary>Prefix of the errors reading a plan file; the error kind's name completes the key.</summary>
        public const string FileErrorPrefix = "plan.file.";
        public const string LocationLine = "plan.location.line";
        public const string LocationTable = "plan.location.table";
        public const string LocationSheet = "plan.location.sheet";
        public const string LocationPage = "plan.location.page";
        public const string LocationParagraph = "plan.location.paragraph";
        public const string LocationPageParagraph = "plan.location.pageParagraph";
        public const string EarlierRow = "plan.location.earlier";
        /// <summary>A numbered paragraph of a plan without a table that names no unit, or holds no text.</summary>
        public const string ParagraphWithoutDepartment = "plan.paragraph.withoutDepartment";
        public const string ParagraphWithoutText = "plan.paragraph.withoutText";
        /// <summary>Prefix of what a plan file was read as; the format's name completes the key.</summary>
        public const string FormatPrefix = "plan.format.";
    }

    /// <summary>The bot in general: welcome, help, refusals.</summary>
    public static class Bot
    {
        public const string Welcome = "bot.welcome";
        public const string Unknown = "bot.unknown";
        public const string DidYouMean = "bot.didYouMean";
        public const string HelpHeader = "bot.help.header";
        public const string HelpLine = "bot.help.line";
        public const string OfficeOnly = "bot.officeOnly";
        public const string OneToOneOnly = "bot.oneToOneOnly";
        public const string TooLong = "bot.tooLong";
        public const string Error = "bot.error";
        public const string StoreFailed = "bot.storeFailed";
    }

    /// <summary>Shared formats: periods, dates, lists.</summary>
    public static class Format
    {
        public const string Period = "format.period";
        public const string Date = "format.date";
        public const string Ellipsis = "format.ellipsis";
        public const string Separator = "format.separator";
        public const string TaskReference = "format.task";
        public const string TaskReferenceChinese = "format.taskChinese";
    }

    /// <summary>任务 <n>.</summary>
    public static class TaskInfo
    {
        public const string Usage = "task.usage";
        public const string Header = "task.header";
        public const string Section = "task.section";
        public const string Lead = "task.lead";
        public const string Support = "task.support";
        public const string Schedule = "task.schedule";
        public const string Overdue = "task.overdue";
        public const string HistoryHeader = "task.historyHeader";
        public const string HistoryLine = "task.historyLine";
        public const string HistoryLate = "task.historyLate";
        public const string HistoryNone = "task.historyNone";
        public const string NoteLine = "task.noteLine";
        public const string ReturnedLine = "task.returnedLine";
        public const string EarlierRevisions = "task.earlierRevisions";
        public const string EarlierRevisionsCount = "task.earlierRevisionsCount";
    }

    /// <summary>我的任务.</summary>
    public static class MyTasks
    {
        public const string Header = "mytasks.header";
        public const string LeadHeader = "mytasks.leadHeader";
        public const string LeadLine = "mytasks.leadLine";
        public const string NotReported = "mytasks.notReported";
        public const string Returned = "mytasks.returned";
        public const string SupportHeader = "mytasks.supportHeader";
        public const string SupportNoted = "mytasks.supportNoted";
        public const string SupportAllNoted = "mytasks.supportAllNoted";
        public const string SupportLine = "mytasks.supportLine";
        public const string Footer = "mytasks.footer";
    }

    /// <summary>逾期.</summary>
    public static class Overdue
    {
        public const string None = "overdue.none";
    }

    /// <summary>Invites, in chat and on the command line.</summary>
    public static class Invite
    {
        public const string MissingDepartment = "invite.missingDepartment";
        public const string UnknownDepartment = "invite.unknownDepartment";
        public const string Suggestions = "invite.suggestions";
        public const string NoSuggestions = "invite.noSuggestions";
        public const string GenericUnit = "invite.genericUnit";
        public const string Created = "invite.created";
        public const string CreatedOffice = "invite.createdOffice";
        public const string AllMissingWord = "invite.allMissingWord";
        public const string NoneMissing = "invite.noneMissing";
        public const string BatchHeader = "invite.batchHeader";
        public const string BatchLine = "invite.batchLine";
        public const string CliAllMissing = "cli.invite.allMissing";
        public const string CliMissing = "cli.invite.missing";
        public const string ListNone = "invite.listNone";
        public const string ListHeader = "invite.listHeader";
        public const string ListLine = "invite.listLine";
        public const string ListFooter = "invite.listFooter";
        public const string ForOffice = "invite.forOffice";
        public const string ByCommandLine = "invite.byCommandLine";
        public const string RevokeUsage = "invite.revokeUsage";
        public const string RevokeNotFound = "invite.revokeNotFound";
        public const string RevokeAmbiguous = "invite.revokeAmbiguous";
        public const string RevokeCandidate = "invite.revokeCandidate";
        public const string Revoked = "invite.revoked";
        public const string RevokedOffice = "invite.revokedOffice";
        public const string RevokeUsed = "invite.revokeUsed";
        public const string RevokeAlready = "invite.revokeAlready";
        public const string RevokeExpired = "invite.revokeExpired";
        public const string CliInvites = "cli.invites";
        public const string CliRevoke = "cli.invites.revoke";
        public const string CliRevokeWhich = "cli.invites.revoke.which";
    }

    /// <summary>注册.</summary>
    public static class Register
    {
        public const string MissingCode = "register.missingCode";
        public const string UnknownCode = "register.unknownCode";
        public const string Expired = "register.expired";
        public const string Used = "register.used";
        public const string Revoked = "register.revoked";
        public const string GenericUnit = "register.genericUnit";
        public const string AlreadyMember = "register.alreadyMember";
        public const string AlreadyOffice = "register.alreadyOffice";
        public const string InGroup = "register.inGroup";
        public const string Registered = "register.registered";
        public const string Joined = "register.joined";
        public const string Office = "register.office";
    }

    /// <summary>Registered contacts (联络员, `contacts`).</summary>
    public static class Contacts
    {
        public const string None = "contacts.none";
        public const string Header = "contacts.header";
        public const string Office = "contacts.office";
        public const string Department = "contacts.department";
        public const string Line = "contacts.line";
        public const string Unnamed = "contacts.unnamed";
        public const string Unreachable = "contacts.unreachable";
        public const string Uncovered = "contacts.uncovered";
        public const string RemoveUsage = "contacts.remove.usage";
        public const string RemoveNotFound = "contacts.remove.notFound";
        public const string RemoveAmbiguous = "contacts.remove.ambiguous";
        public const string RemoveCandidate = "contacts.remove.candidate";
        public const string RemoveNotInDepartment = "contacts.remove.notInDepartment";
        public const string RemoveSelf = "contacts.remove.self";
        public const string RemoveOffice = "contacts.remove.office";
        public const string RemovedFromDepartment = "contacts.remove.fromDepartment";
        public const string Removed = "contacts.remove.removed";
        public const string CliRemove = "cli.contacts.remove";
        public const string CliRemoveWho = "cli.contacts.remove.who";
        public const string CliRemoveDepartment = "cli.contacts.remove.department";
        public const string WebLastVisit = "contacts.web.lastVisit";
        public const string WebSignedOut = "contacts.web.signedOut";
        public const string WebEnded = "contacts.web.ended";
        public const string WebSignOutUsage = "contacts.web.signOutUsage";
        public const string WebSignOutDone = "contacts.web.signOutDone";
        public const string WebSignOutNone = "contacts.web.signOutNone";
        public const string CliSignOutWeb = "cli.contacts.signoutWeb";
    }

    /// <summary>The Web Chat page at /.</summary>
    public static class WebChat
    {
        public const string PageTitle = "webchat.pageTitle";
        public const string ConnectionFailed = "webchat.connectionFailed";
        public const string ClientMissing = "webchat.clientMissing";
    }

    /// <summary>Prefixes that an enum's names complete; <see cref="All"/> lists the completed keys.</summary>
    private static readonly string[] Prefixes = [Report.StatusPrefix, Digest.ChangePrefix, Chart.LightPrefix, Ledger.LightPrefix, Digest.LightPrefix, Plan.ErrorPrefix, Plan.FileErrorPrefix, Plan.FormatPrefix, Import.WarningPrefix];

    public static IReadOnlyList<string> All { get; } =
        typeof(MessageKeys).GetNestedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Except(Prefixes)
            .Concat(Enum.GetNames<ReformBot.Core.Plans.PlanFormatErrorKind>().Select(k => Plan.ErrorPrefix + k))
            .Concat(Enum.GetNames<ReformBot.Host.PlanFiles.PlanFileErrorKind>().Select(k => Plan.FileErrorPrefix + k))
            .Concat(Enum.GetNames<ReformBot.Core.Plans.PlanFileFormat>().Select(f => Plan.FormatPrefix + f))
            .Concat(Enum.GetNames<ReformBot.Core.Plans.PlanWarningKind>().Select(k => Import.WarningPrefix + k))
            .Concat(Enum.GetNames<ReformBot.Core.Digests.TrafficLight>().SelectMany(l => new[] { Digest.LightPrefix + l, Chart.LightPrefix + l, Ledger.LightPrefix + l }))
            .Concat(Enum.GetNames<ReformBot.Core.Digests.DigestChangeKind>().Select(k => Digest.ChangePrefix + k))
            .Concat(Enum.GetNames<ReformBot.Core.Reports.ReportStatus>().Select(s => Report.StatusPrefix + s))
            .ToList();
}
