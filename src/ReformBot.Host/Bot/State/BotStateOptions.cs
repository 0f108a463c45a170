namespace ReformBot.Host.Bot.State;

/// <summary>How the bot's conversation state (drafts of reports in progress) is written (section "ReformBot:BotState").</summary>
public sealed class BotStateOptions
{
    public const string Section = "ReformBot:BotState";

    /// <summary>
    /// Force every state write to disk, so a draft's last answer survives a power cut before the next
    /// question goes out. Off by default: a confirmed report is forced to disk before "已保存" either way, and
    /// the measured cost (README, "Performance") is paid on every answer; without it a power cut can lose
    /// the last answers of a draft, which the bot asks again. A killed process loses nothing either way.
    /// </summary>
    public bool FlushEveryWrite { get; set; }
}
