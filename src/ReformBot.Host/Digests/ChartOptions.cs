namespace ReformBot.Host.Digests;

/// <summary>The "ReformBot:Chart" section: the digest's chart image and the font its Chinese labels need.</summary>
public sealed class ChartOptions
{
    public const string Section = "ReformBot:Chart";

    /// <summary>The font shipped with the host (a subset of Noto Sans SC, assets/fonts/), beside the executable.</summary>
    public static string ShippedFontFile => Path.Combine(AppContext.BaseDirectory, "fonts", "NotoSansSC-Regular.subset.ttf");

    /// <summary>System families tried in order when <see cref="UseSystemFonts"/>: common CJK fonts of Linux, Windows and macOS.</summary>
    public static IReadOnlyList<string> DefaultFontFamilies { get; } =
    [
        "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback",
        "Microsoft YaHei", "SimHei", "PingFang SC",
    ];

    /// <summary>False sends digests as text only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A font file (.ttf, .otf, .ttc) with Chinese glyphs; tried first. Relative to the working directory.</summary>
    public string? FontFile { get; set; }

    /// <summary>Installed font families tried after <see cref="FontFile"/>, before the shipped font.</summary>
    public string[]? FontFamilies { get; set; }

    /// <summary>After the configured font: the font shipped with the host (<see cref="ShippedFontFile"/>).</summary>
    public bool UseShippedFont { get; set; } = true;

    /// <summary>Last: the system's fonts, <see cref="DefaultFontFamilies"/>, then whatever font the system's font manager has for 中.</summary>
    public bool UseSystemFonts { get; set; } = true;

    /// <summary>The image's width in pixels; its height follows from the number of departments.</summary>
    public int Width { get; set; } = 800;

    /// <summary>Departments drawn at most (worst first); the rest are counted in one line.</summary>
    public int MaxDepartments { get; set; } = 40;
}
