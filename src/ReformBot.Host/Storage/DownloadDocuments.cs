using ReformBot.Core.Downloads;
using ReformBot.Core.Periods;

namespace ReformBot.Host.Storage;

internal sealed class DownloadDocument
{
    /// <summary>The token's hash: looking a link up is a primary-key read.</summary>
    public string Id { get; set; } = "";
    public string Period { get; set; } = "";
    /// <summary>Null for the whole plan.</summary>
    public List<string>? Departments { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Also as UTC ticks, for the index that removes expired links.</summary>
    public long ExpiresAtTicks { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public static DownloadDocument From(LedgerDownload d) => new()
    {
        Id = d.TokenHash,
        Period = d.Period.ToString(),
        Departments = d.Departments?.ToList(),
        CreatedBy = d.CreatedBy,
        CreatedAt = d.CreatedAt,
        ExpiresAt = d.ExpiresAt,
        ExpiresAtTicks = d.ExpiresAt.UtcTicks,
    };

    public LedgerDownload ToDownload() => new(Id, Quarter.Parse(Period), Departments, CreatedBy, CreatedAt, ExpiresAt);
}
