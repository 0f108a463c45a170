namespace ReformBot.Host.Digests;

/// <summary>The "ReformBot:Chart" section: the digest's chart image and the font its Chinese labels need.</summary>
public sealed class ChartOptions
{
    public const string Section = "ReformBot:Chart";

    /// <summary>Families tried in order when <see cref="FontFamilies"/> is not set: common CJK fonts of Linux, Windows and macOS.</summary>
    public static IReadOnlyList<string> DefaultFontFamilies { get; } =
    [
        "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback",
        "Microsoft YaHei", "SimHei", "PingFang SC",
    ];

    /// <summary>False sends digests as text only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A font file (.ttf, .otf, .ttc) with Chinese glyphs; tried first. Relative to the working directory.</summary>
    public string? FontFile { get; set; }

    /// <summary>Font families tried after <see cref="FontFile"/>; null means <see cref="DefaultFontFamilies"/>.</summary>
    public string[]? FontFamilies { get; set; }

    /// <summary>After the families: ask the system's font manager for any font that has 中.</summary>
    public bool UseSystemFonts { get; set; } = true;

    /// <summary>The image's width in pixels; its height follows from the number of departments.</summary>
    public int Width { get; set; } = 800;

    /// <summary>Departments drawn at most (worst first); the rest are counted in one line.</summary>
    public int MaxDepartments { get; set; } = 40;
}
