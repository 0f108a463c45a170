namespace ReformBot.Host.Bot.State;

/// <summary>How the bot's conversation state (drafts of reports in progress) is written (section "ReformBot:BotState").</summary>
public sealed class BotStateOptions
{
    public const string Section = "ReformBot:BotState";

    /// <summary>
    /// Checkpoint after every state write, so a draft's last answer is in the data file before the next
    /// question goes out. Off by default: a confirmed report is checkpointed before "已保存" either way, and
    /// the measured cost (README, "Performance") is paid on every answer; without it a power cut, or a
    /// kill within milliseconds of an answer, can lose the last answers of a draft, asked again.
    /// </summary>
    public bool CheckpointEveryWrite { get; set; }
}
