namespace ReformBot.Host.Bot.Reporting;

/// <summary>A report confirmed in a conversation: by whom, which task, which revision, when.</summary>
public sealed record SavedReport(string? UserId, int TaskNumber, int Revision, DateTimeOffset At)
{
    public static SavedReport Of(ChatTurn turn, int taskNumber, int revision, DateTimeOffset at) =>
        new(turn.Context.Activity.From?.Id, taskNumber, revision, at);
}
