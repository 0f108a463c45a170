using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ReformBot.Host.Digests;

/// <summary>
/// The typeface for the chart's Chinese labels, found once: the configured font file, else the first
/// configured family installed, else the font shipped with the host (assets/fonts/, a subset of Noto Sans
/// SC), else the system's fonts (common CJK families, then whatever font the system's font manager,
/// fontconfig on Linux, offers for 中). A typeface counts only if it has glyphs for Chinese text. When
/// none is found the chart is skipped (the digest still goes out as text) and a warning says why.
/// </summary>
public sealed partial class ChartFont : IDisposable
{
    /// <summary>Characters a typeface must have to be used: a few of the labels' own.</summary>
    internal const string Probe = "中文部门完成率滞后";

    private readonly Lazy<SKTypeface?> _typeface;

    public ChartFont(IOptions<ChartOptions> options, ILogger<ChartFont> logger)
    {
        _typeface = new Lazy<SKTypeface?>(() =>
        {
            SKTypeface? found;
            string source;
            try
            {
                found = Find(options.Value, out source);
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
            {
                // Skia's native library (or fontconfig, which it needs on Linux) is missing: no chart, as without a font.
                LogNoSkia(logger, e);
                return null;
            }
            if (found is null) LogNoFont(logger, ChartOptions.ShippedFontFile);
            else LogFont(logger, found.FamilyName, source);
            return found;
        });
    }

    /// <summary>The typeface, or null when no font with Chinese glyphs is available.</summary>
    public SKTypeface? Typeface => _typeface.Value;

    /// <summary>Looks the font up as described on the class; <paramref name="source"/> says where it came from.</summary>
    internal static SKTypeface? Find(ChartOptions options, out string source)
    {
        if (!string.IsNullOrWhiteSpace(options.FontFile) && FromFile(Path.GetFullPath(options.FontFile)) is { } configured)
        {
            source = Path.GetFullPath(options.FontFile);
            return configured;
        }
        if (options.FontFamilies is { } families && FromFamilies(families, out source) is { } named) return named;
        // Loaded from its file, not through the system's font manager: it draws the same on every machine.
        if (options.UseShippedFont && FromFile(ChartOptions.ShippedFontFile) is { } shipped)
        {
            source = ChartOptions.ShippedFontFile;
            return shipped;
        }
        if (options.UseSystemFonts)
        {
            if (FromFamilies(ChartOptions.DefaultFontFamilies, out source) is { } installed) return installed;
            if (Usable(SKFontManager.Default.MatchCharacter('中')) is { } fromSystem)
            {
                source = "the system's font for 中";
                return fromSystem;
            }
        }
        source = "";
        return null;
    }

    private static SKTypeface? FromFile(string path) => File.Exists(path) ? Usable(SKTypeface.FromFile(path)) : null;

    /// <summary>The first installed family of <paramref name="families"/> with Chinese glyphs.</summary>
    private static SKTypeface? FromFamilies(IEnumerable<string> families, out string source)
    {
        var manager = SKFontManager.Default;
        foreach (var family in families)
        {
            if (string.IsNullOrWhiteSpace(family)) continue;
            // A font manager may answer an unknown family with its default face: take only the family asked for.
            var typeface = manager.MatchFamily(family);
            if (typeface is not null && !string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                typeface.Dispose();
                continue;
            }
            if (Usable(typeface) is { } found)
            {
                source = $"family {family}";
                return found;
            }
        }
        source = "";
        return null;
    }

    /// <summary>The typeface if it has glyphs for all of <see cref="Probe"/>; otherwise disposed, null.</summary>
    private static SKTypeface? Usable(SKTypeface? typeface)
    {
        if (typeface is null) return null;
        using var font = new SKFont(typeface);
        if (font.ContainsGlyphs(Probe)) return typeface;
        typeface.Dispose();
        return null;
    }

    public void Dispose()
    {
        if (_typeface.IsValueCreated) _typeface.Value?.Dispose();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "No font with Chinese glyphs found (ReformBot:Chart:FontFile, ReformBot:Chart:FontFamilies, the shipped font {ShippedFontFile} if ReformBot:Chart:UseShippedFont, or a system font): digests go out as text only, without their chart. Restore the shipped font, or set ReformBot:Chart:FontFile to a .ttf/.otf/.ttc with Chinese glyphs")]
    private static partial void LogNoFont(ILogger logger, string shippedFontFile);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Skia's native library could not be loaded (on Linux it needs libfontconfig1): digests go out as text only, without their chart")]
    private static partial void LogNoSkia(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Digest charts use the font {Family} ({Source})")]
    private static partial void LogFont(ILogger logger, string family, string source);
}
