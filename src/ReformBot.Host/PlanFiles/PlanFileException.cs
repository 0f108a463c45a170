namespace ReformBot.Host.PlanFiles;

/// <summary>Why a plan file could not be read as a plan document at all (before any table is looked at).</summary>
public enum PlanFileErrorKind
{
    /// <summary>The file is empty.</summary>
    Empty,
    /// <summary>A Word 97-2003 (.doc) or WPS file: an OLE compound file that is not an Excel workbook.</summary>
    OldWordFormat,
    /// <summary>Not a format we read (an image, an archive, a program…).</summary>
    UnknownFormat,
    /// <summary>A format we read, but the file is damaged or password-protected.</summary>
    Damaged,
    /// <summary>The document has no table and no numbered paragraphs to read tasks from.</summary>
    NoTable,
    /// <summary>A PDF without any text (a scan).</summary>
    PdfWithoutText,
    /// <summary>A PDF whose table could not be rebuilt with confidence.</summary>
    PdfTableUnclear,
}

public sealed class PlanFileException(PlanFileErrorKind kind, string? detail = null, Exception? inner = null)
    : Exception($"{kind}: {detail}", inner)
{
    public PlanFileErrorKind Kind { get; } = kind;

    /// <summary>A detail for the message (a page, a sheet), or null.</summary>
    public string? Detail { get; } = detail;
}
