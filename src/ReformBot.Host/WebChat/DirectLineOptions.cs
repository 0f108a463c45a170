namespace ReformBot.Host.WebChat;

/// <summary>The "ReformBot:WebChat" section: the built-in Direct Line channel and the Web Chat page.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "ReformBot:WebChat";

    /// <summary>Minutes a Direct Line token lives; Web Chat refreshes it every 15 minutes, so more than 15.</summary>
    public int TokenMinutes { get; set; } = 30;

    /// <summary>Days a transcript's activities are kept; older ones are pruned. The conversation itself stays.</summary>
    public int TranscriptDays { get; set; } = 180;

    /// <summary>Days the browser cookie lives after the last visit.</summary>
    public int CookieDays { get; set; } = 365;

    /// <summary>Largest attachment a browser may upload, in bytes.</summary>
    public int MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TokenMinutes is < 16 or > 24 * 60) problems.Add($"{Section}:{nameof(TokenMinutes)} must be 16..1440 minutes, not {TokenMinutes}.");
        if (TranscriptDays is < 1 or > 3650) problems.Add($"{Section}:{nameof(TranscriptDays)} must be 1..3650 days, not {TranscriptDays}.");
        if (CookieDays is < 1 or > 3650) problems.Add($"{Section}:{nameof(CookieDays)} must be 1..3650 days, not {CookieDays}.");
        if (MaxUploadBytes is < 1 or > 20 * 1024 * 1024) problems.Add($"{Section}:{nameof(MaxUploadBytes)} must be 1..20971520 bytes, not {MaxUploadBytes}.");
        return problems;
    }
}
