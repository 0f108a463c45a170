using System.IO.Compression;
using System.Text;
using ReformBot.Core.Plans;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Reads a plan file into a <see cref="PlanDocument"/>, recognising the format by the file's content
/// rather than its name, since offices rename and re-save files freely. The name only decides between
/// two readings of the same text (a .csv file is read as CSV even when its table is not found).
/// </summary>
public static class PlanFileReader
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    /// <summary>Starts of files that are certainly no plan: images, archives, programs.</summary>
    private static readonly byte[][] OtherMagics =
    [
        [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], "GIF8"u8.ToArray(), "BM"u8.ToArray(), "Rar!"u8.ToArray(),
        [0x37, 0x7A, 0xBC, 0xAF], [0x1F, 0x8B], "MZ"u8.ToArray(), [0x7F, 0x45, 0x4C, 0x46], "{\\rtf"u8.ToArray(),
    ];

    /// <param name="fileName">The file's name as given, for the one choice content cannot make; may be null.</param>
    /// <exception cref="PlanFileException">The file is no plan document we can read.</exception>
    public static PlanDocument Read(byte[] bytes, string? fileName = null)
    {
        if (bytes.Length == 0) throw new PlanFileException(PlanFileErrorKind.Empty);
        var span = bytes.AsSpan();
        if (span.StartsWith(ZipMagic)) return ReadZip(bytes);
        if (span.StartsWith(OleMagic)) return ReadCompoundFile(bytes);
        if (span[..Math.Min(span.Length, 1024)].IndexOf(PdfMagic) >= 0) return PdfPlanReader.Read(bytes);
        if (OtherMagics.Any(m => bytes.AsSpan().StartsWith(m))) throw new PlanFileException(PlanFileErrorKind.UnknownFormat);

        var (text, encoding) = PlanTextDecoding.Decode(bytes);
        // Text has no NUL characters; a binary file decoded as text has many.
        if (text.Contains('\0')) throw new PlanFileException(PlanFileErrorKind.UnknownFormat);
        if (HtmlPlanReader.LooksLikeHtml(text)) return HtmlPlanReader.Read(text, encoding);
        var csvByName = string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase);
        if (!text.Contains('\t') && (csvByName || CsvPlanReader.HasHeaderRow(text))) return CsvPlanReader.Read(text, encoding);
        return TabSeparatedText.Read(text, encoding);
    }

    private static PlanDocument ReadZip(byte[] bytes)
    {
        bool word, excel;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            word = zip.GetEntry("word/document.xml") is not null;
            excel = zip.GetEntry("xl/workbook.xml") is not null;
        }
        catch (InvalidDataException e)
        {
            throw new PlanFileException(PlanFileErrorKind.Damaged, inner: e);
        }
        if (word) return WordPlanReader.Read(bytes);
        if (excel) return ExcelPlanReader.Read(bytes);
        throw new PlanFileException(PlanFileErrorKind.UnknownFormat);
    }

    /// <summary>
    /// An OLE compound file is an Excel 97-2003 workbook, a Word 97-2003 or WPS document, or an Office file
    /// with a password. Its directory names its streams in UTF-16, which tells them apart.
    /// </summary>
    private static PlanDocument ReadCompoundFile(byte[] bytes)
    {
        bool Has(string stream) => bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(stream)) >= 0;
        if (Has("EncryptedPackage")) throw new PlanFileException(PlanFileErrorKind.Damaged);
        if (Has("WordDocument")) throw new PlanFileException(PlanFileErrorKind.OldWordFormat);
        if (Has("Workbook") || Has("Book")) return ExcelPlanReader.Read(bytes);
        if (Has("PowerPoint Document")) throw new PlanFileException(PlanFileErrorKind.UnknownFormat);
        // What else offices keep in compound files are word processors' documents (WPS among them).
        throw new PlanFileException(PlanFileErrorKind.OldWordFormat);
    }
}
