using ReformBot.Core.Periods;
using ReformBot.Core.Reminders;
using ReformBot.Core.Reports;

namespace ReformBot.Host.Storage;

internal sealed class ReportDocument
{
    public LiteDB.ObjectId? Id { get; set; }
    /// <summary>Task, department and period in one string: the report's identity, indexed.</summary>
    public string Key { get; set; } = "";
    /// <summary>Key and revision number, unique: two writers can never both store revision n.</summary>
    public string KeyRevision { get; set; } = "";
    public int TaskNumber { get; set; }
    public string Department { get; set; } = "";
    public string Period { get; set; } = "";
    public int Revision { get; set; }
    public ReportStatus Status { get; set; }
    public string Progress { get; set; } = "";
    public string Problems { get; set; } = "";
    public string NextSteps { get; set; } = "";
    public int? Percent { get; set; }
    public List<string> Evidence { get; set; } = [];
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public bool Late { get; set; }
    /// <summary>The draft the revision was confirmed from (indexed), or null for revisions stored otherwise.</summary>
    public string? DraftId { get; set; }

    public static string KeyOf(ReportKey key) => $"{key.TaskNumber}|{key.Department}|{key.Period}";

    public static string KeyRevisionOf(string key, int revision) => $"{key}|{revision}";

    public static ReportDocument From(ReportRevision r) => new()
    {
        Key = KeyOf(r.Key),
        KeyRevision = KeyRevisionOf(KeyOf(r.Key), r.Revision),
        TaskNumber = r.Key.TaskNumber,
        Department = r.Key.Department,
        Period = r.Key.Period.ToString(),
        Revision = r.Revision,
        Status = r.Content.Status,
        Progress = r.Content.Progress,
        Problems = r.Content.Problems,
        NextSteps = r.Content.NextSteps,
        Percent = r.Content.Percent,
        Evidence = r.Content.Evidence.ToList(),
        SubmittedBy = r.SubmittedBy,
        SubmittedAt = r.SubmittedAt,
        Late = r.Late,
        DraftId = r.DraftId,
    };

    public ReportRevision ToRevision() => new(
        new ReportKey(TaskNumber, Department, Quarter.Parse(Period)),
        Revision,
        new ReportContent(Status, Progress, Problems, NextSteps, Percent, Evidence),
        SubmittedBy, SubmittedAt, Late, DraftId);
}

/// <summary>
/// One per report (task, department, period), kept current by every append in the revision's own
/// transaction: a copy of its latest revision. Reads of a turn or a digest take these for the period they
/// show and never look the revision up among all the others, so their cost does not grow with the number
/// of revisions stored.
/// </summary>
internal sealed class ReportLatestDocument
{
    /// <summary>The report's key, as <see cref="ReportDocument.Key"/>.</summary>
    public string Id { get; set; } = "";
    public int TaskNumber { get; set; }
    public string Department { get; set; } = "";
    /// <summary>Indexed: 我的任务, the report flow and the digest read one period's.</summary>
    public string Period { get; set; } = "";
    /// <summary>The latest revision itself; null only in a summary stored before it was kept here (rebuilt at open).</summary>
    public ReportDocument? Latest { get; set; }

    /// <summary>Takes a stored revision into account (revisions may come in any order); false when it is not newer.</summary>
    public bool Take(ReportDocument revision)
    {
        if (Latest is not null && revision.Revision <= Latest.Revision) return false;
        (Id, TaskNumber, Department, Period, Latest) = (revision.Key, revision.TaskNumber, revision.Department, revision.Period, revision);
        return true;
    }
}

/// <summary>
/// One per (task, department) that ever reported 已完成, written with the first revision that did, a copy of
/// which it keeps: what the plan-deadline rule ("overdue against the plan") needs of the history.
/// </summary>
internal sealed class ReportCompletedDocument
{
    /// <summary>Task and department: <see cref="IdOf"/>.</summary>
    public string Id { get; set; } = "";
    public int TaskNumber { get; set; }
    /// <summary>The revision that said 已完成; null only in a summary stored before it was kept here (rebuilt at open).</summary>
    public ReportDocument? Completed { get; set; }

    public static string IdOf(int taskNumber, string department) => $"{taskNumber}|{department}";

    public static ReportCompletedDocument For(ReportDocument revision) =>
        new() { Id = IdOf(revision.TaskNumber, revision.Department), TaskNumber = revision.TaskNumber, Completed = revision };
}

internal sealed class NoteDocument
{
    public LiteDB.ObjectId? Id { get; set; }
    public int TaskNumber { get; set; }
    public string Department { get; set; } = "";
    public string Period { get; set; } = "";
    public string Text { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The draft the note was confirmed from (indexed), or null for notes stored otherwise.</summary>
    public string? DraftId { get; set; }

    public static NoteDocument From(ReportNote n) => new()
    {
        TaskNumber = n.TaskNumber, Department = n.Department, Period = n.Period.ToString(),
        Text = n.Text, SubmittedBy = n.SubmittedBy, SubmittedAt = n.SubmittedAt, DraftId = n.DraftId,
    };

    public ReportNote ToNote() => new(TaskNumber, Department, Quarter.Parse(Period), Text, SubmittedBy, SubmittedAt, DraftId);
}

internal sealed class ReturnDocument
{
    public LiteDB.ObjectId? Id { get; set; }
    public int TaskNumber { get; set; }
    public string Department { get; set; } = "";
    public string Period { get; set; } = "";
    public int Revision { get; set; }
    public string Reason { get; set; } = "";
    public string ReturnedBy { get; set; } = "";
    public DateTimeOffset ReturnedAt { get; set; }

    public static ReturnDocument From(ReportReturn r) => new()
    {
        TaskNumber = r.Key.TaskNumber, Department = r.Key.Department, Period = r.Key.Period.ToString(),
        Revision = r.Revision, Reason = r.Reason, ReturnedBy = r.ReturnedBy, ReturnedAt = r.ReturnedAt,
    };

    public ReportReturn ToReturn() => new(new ReportKey(TaskNumber, Department, Quarter.Parse(Period)), Revision, Reason, ReturnedBy, ReturnedAt);
}

internal sealed class ReminderDocument
{
    /// <summary>Period, contact and kind in one string, so the key itself guarantees one record per reminder.</summary>
    public string Id { get; set; } = "";
    public string Period { get; set; } = "";
    public string ContactId { get; set; } = "";
    public string Kind { get; set; } = "";
    public ReminderState State { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Error { get; set; }

    public static string IdOf(ReminderKey key) => $"{key.Period}|{key.ContactId}|{key.Kind}";

    public ReminderRecord ToRecord() =>
        new(new ReminderKey(Quarter.Parse(Period), ContactId, Kind), State, UpdatedAt, Error);
}
