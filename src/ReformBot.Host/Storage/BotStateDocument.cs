namespace ReformBot.Host.Storage;

/// <summary>One entry of the Bot Framework's state storage (see <c>LiteDbBotStorage</c>).</summary>
internal sealed class BotStateDocument
{
    /// <summary>
    /// A hash of <see cref="Key"/>: LiteDB compares string ids without regard to case and limits
    /// index keys to 1023 bytes, while storage keys are case-sensitive and of any length.
    /// </summary>
    public string Id { get; set; } = "";

    /// <summary>The storage key as the bot gave it, for people reading the file.</summary>
    public string Key { get; set; } = "";

    /// <summary>The version the next conditional write must name; null when the entry has none.</summary>
    public string? ETag { get; set; }

    /// <summary>The value as Newtonsoft.Json text with type names, exactly as serialized.</summary>
    public string Json { get; set; } = "";
}
