namespace ReformBot.Host.Downloads;

/// <summary>The "ReformBot:Downloads" section: ledger download links (导出).</summary>
public sealed class DownloadOptions
{
    public const string Section = "ReformBot:Downloads";

    public const int MaxValidHours = 24 * 30;

    /// <summary>Hours from creation until a link stops working.</summary>
    public int ValidHours { get; set; } = 24;

    /// <summary>
    /// The address users' browsers reach the host at, e.g. https://reformbot.example.gov.cn; links are
    /// this plus /downloads/{token}. Null: the host's own loopback address (development).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>What is wrong with the settings, one line each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems() => ValidHours is >= 1 and <= MaxValidHours
        ? []
        : [$"{Section}:{nameof(ValidHours)} must be 1..{MaxValidHours} hours, not {ValidHours}."];

    /// <exception cref="ArgumentException">The setting is out of range; the message names it.</exception>
    public TimeSpan Validity() => Problems() is [var problem, ..] ? throw new ArgumentException(problem, nameof(ValidHours)) : TimeSpan.FromHours(ValidHours);
}
