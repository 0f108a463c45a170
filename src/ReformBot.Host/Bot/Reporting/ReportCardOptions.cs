namespace ReformBot.Host.Bot.Reporting;

/// <summary>The "ReformBot:Cards" section: where the report of a task is also offered as an Adaptive Card.</summary>
public sealed class ReportCardOptions
{
    public const string Section = "ReformBot:Cards";

    /// <summary>
    /// The channel ids whose clients render Adaptive Cards, separated by commas or spaces (one string, so
    /// that a setting replaces the default rather than adding to it). Empty: text only, everywhere.
    /// </summary>
    public string Channels { get; set; } = "webchat,msteams,emulator";

    public bool Renders(string? channelId) =>
        channelId is { Length: > 0 } && ChannelList().Contains(channelId, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Problems() =>
        ChannelList().Where(c => !c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
            .Select(c => $"{Section}:{nameof(Channels)} holds \"{c}\", which is not a channel id (letters, digits, - _ .).")
            .ToList();

    private string[] ChannelList() => Channels.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
