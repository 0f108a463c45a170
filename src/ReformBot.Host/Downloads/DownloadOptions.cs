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

    /// <summary>The validity as a span; throws <see cref="ArgumentException"/> naming the setting when it is out of range.</summary>
    public TimeSpan Validity() => ValidHours is >= 1 and <= MaxValidHours
        ? TimeSpan.FromHours(ValidHours)
        : throw new ArgumentException($"{Section}:{nameof(ValidHours)} must be 1..{MaxValidHours} hours, not {ValidHours}.", nameof(ValidHours));
}
