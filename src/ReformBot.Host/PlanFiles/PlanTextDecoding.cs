using System.Text;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Decodes a plan's text as Windows and Excel save it: UTF-8 with or without a byte-order mark,
/// UTF-16 with a mark (Excel's "Unicode 文本"), and GBK (Windows "ANSI" on a Chinese system).
/// Text that is not valid UTF-8 is GBK: a GBK text of Chinese is practically never valid UTF-8.
/// </summary>
public static class PlanTextDecoding
{
    public const string Utf8 = "UTF-8";
    public const string Utf8Bom = "UTF-8 BOM";
    public const string Utf16LE = "UTF-16 LE";
    public const string Utf16BE = "UTF-16 BE";
    public const string Gbk = "GBK";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Makes the Windows code pages (GBK, and those of old .xls files) available; safe to call often.</summary>
    public static void RegisterCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, the superset of GBK that Windows' code page 936 files decode with.</summary>
    public static Encoding GbkEncoding
    {
        get
        {
            RegisterCodePages();
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>The text and the name of the encoding it was found in.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8.GetString(bytes[3..]), Utf8Bom);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(bytes[2..]), Utf16LE);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(bytes[2..]), Utf16BE);
        try
        {
            return (StrictUtf8.GetString(bytes), Utf8);
        }
        catch (DecoderFallbackException)
        {
            return (GbkEncoding.GetString(bytes), Gbk);
        }
    }
}
