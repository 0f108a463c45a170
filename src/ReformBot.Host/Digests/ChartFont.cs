using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ReformBot.Host.Digests;

/// <summary>
/// The typeface for the chart's Chinese labels, found once, as fontconfig finds fonts: the configured
/// font file, else the first configured (or default) family installed, else whatever font the system's
/// font manager (fontconfig on Linux) offers for 中. A typeface counts only if it has glyphs for Chinese text. When none is found the chart is
/// skipped (the digest still goes out as text) and a warning says how to install one.
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
            if (found is null) LogNoFont(logger);
            else LogFont(logger, found.FamilyName, source);
            return found;
        });
    }

    /// <summary>The typeface, or null when no font with Chinese glyphs is available.</summary>
    public SKTypeface? Typeface => _typeface.Value;

    /// <summary>Looks the font up as described on the class; <paramref name="source"/> says where it came from.</summary>
    internal static SKTypeface? Find(ChartOptions options, out string source)
    {
        if (!string.IsNullOrWhiteSpace(options.FontFile))
        {
            var path = Path.GetFullPath(options.FontFile);
            if (File.Exists(path) && Usable(SKTypeface.FromFile(path)) is { } fromFile)
            {
                source = path;
                return fromFile;
            }
        }
        var manager = SKFontManager.Default;
        foreach (var family in options.FontFamilies ?? ChartOptions.DefaultFontFamilies)
        {
            if (string.IsNullOrWhiteSpace(family)) continue;
            // A font manager may answer an unknown family with its default face: take only the family asked for.
            var typeface = manager.MatchFamily(family);
            if (typeface is not null && !string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                typeface.Dispose();
                continue;
            }
            if (Usable(typeface) is { } fromFamily)
            {
                source = $"family {family}";
                return fromFamily;
            }
        }
        if (options.UseSystemFonts && Usable(manager.MatchCharacter('中')) is { } fromSystem)
        {
            source = "the system's font for 中";
            return fromSystem;
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
        Message = "No font with Chinese glyphs found (ReformBot:Chart:FontFile, ReformBot:Chart:FontFamilies, or a system font for 中): digests go out as text only, without their chart. On Debian: apt-get install fonts-wqy-microhei (or fonts-noto-cjk)")]
    private static partial void LogNoFont(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Skia's native library could not be loaded (on Linux it needs libfontconfig1): digests go out as text only, without their chart")]
    private static partial void LogNoSkia(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Digest charts use the font {Family} ({Source})")]
    private static partial void LogFont(ILogger logger, string family, string source);
}
