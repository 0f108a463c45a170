using ReformBot.Host.Dialogs;

namespace ReformBot.Host.Bot.Reporting;

/// <summary>
/// A quarterly report in progress in one conversation: the tasks to walk through and the draft of
/// the current one. Kept in conversation state, so it survives a restart of the host.
/// </summary>
public sealed class ReportSession
{
    /// <summary>The user id of the person reporting: only their messages answer its questions.</summary>
    public string Owner { get; set; } = "";
    public string Period { get; set; } = "";
    [Newtonsoft.Json.JsonConverter(typeof(SessionItemsJson))]
    public List<ReportSessionItem> Items { get; set; } = [];
    /// <summary>Index into <see cref="Items"/> of the task being answered.</summary>
    public int Index { get; set; }
    public int Submitted { get; set; }
    public int Skipped { get; set; }
    /// <summary>The draft of the current task: the dialog's step and answers so far.</summary>
    public DialogState? Draft { get; set; }
    /// <summary>The identity of the current report draft, recorded by its revision so that it is stored at most once.</summary>
    public string? DraftId { get; set; }
    /// <summary>Set by 稍后: messages are commands again until 汇报 resumes.</summary>
    public bool Paused { get; set; }
    /// <summary>取消 was answered once with a question; a second 取消 drops the draft.</summary>
    public bool CancelAsked { get; set; }

    public bool OwnedBy(string? userId) => userId is not null && string.Equals(Owner, userId, StringComparison.Ordinal);
}

public sealed class ReportSessionItem
{
    public int TaskNumber { get; set; }
    public string Department { get; set; } = "";
    /// <summary>A supporting department's note rather than the lead's report.</summary>
    public bool Note { get; set; }
}

/// <summary>A report draft put aside (跳过, or 汇报 &lt;n&gt; for another task), kept with its identity and period.</summary>
public sealed class KeptDraft
{
    public string Period { get; set; } = "";
    public DialogState Draft { get; set; } = new();
    public string? DraftId { get; set; }

    public static string KeyOf(ReportSessionItem item) => $"{item.TaskNumber}|{item.Department}";
}
