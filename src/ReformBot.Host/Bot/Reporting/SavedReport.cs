namespace ReformBot.Host.Bot.Reporting;

/// <summary>A report (or a supporting department's note) confirmed in a conversation: by whom, which task, which revision, when.</summary>
/// <param name="NoteOf">For a note, the supporting department that wrote it (notes have no revision number); null for a report.</param>
public sealed record SavedReport(string? UserId, int TaskNumber, int Revision, DateTimeOffset At, string? NoteOf = null)
{
    public static SavedReport Of(ChatTurn turn, int taskNumber, int revision, DateTimeOffset at, string? noteOf = null) =>
        new(turn.Context.Activity.From?.Id, taskNumber, revision, at, noteOf);
}
