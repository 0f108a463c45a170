using ReformBot.Core.Plans;
using ReformBot.Host.Messages;

namespace ReformBot.Host.PlanFiles;

/// <summary>
/// Why a plan file was refused, in the office's words: what the file was found to be (type and encoding),
/// where the row is as the clerk finds it in that file, what is wrong and what to do.
/// </summary>
public sealed class PlanFileMessages(MessageCatalog messages, TextFormat format)
{
    /// <summary>What the file was read as: Word 文档, 文本文件（GBK 编码）….</summary>
    public string Kind(PlanDocument document) =>
        messages.Format(MessageKeys.Plan.FormatPrefix + document.Format, document.Encoding ?? "");

    public string Reason(PlanFileException error) => messages.Format(MessageKeys.Plan.FileErrorPrefix + error.Kind, error.Detail ?? "");

    public string Reason(PlanDocument document, PlanFormatError error)
    {
        var where = error.Location;
        // A document other than text without any header has no row to point at.
        if (error.Kind == PlanFormatErrorKind.NoTable && document.Format != PlanFileFormat.Text && where is { Table: null, Sheet: null, Page: null })
            return messages[MessageKeys.Plan.FileErrorPrefix + PlanFileErrorKind.NoTable];
        var detail = error.Detail;
        // "2@3": number 2, first used on line 3 of the same table.
        if (error.Kind == PlanFormatErrorKind.DuplicateNumber && detail.Split('@') is [var number, var line] && int.TryParse(line, out var first))
            return messages.Format(MessageKeys.Plan.ErrorPrefix + error.Kind, format.Location(where), number,
                where.Page is null ? format.Location(where with { Line = first }) : messages[MessageKeys.Plan.EarlierRow]);
        // A plan of numbered paragraphs has no cells to fill: the advice names the paragraph's parentheses or label lines.
        if (error.InParagraphs && error.Kind is PlanFormatErrorKind.RowWithoutDepartment or PlanFormatErrorKind.RowWithoutText)
            return messages.Format(error.Kind == PlanFormatErrorKind.RowWithoutDepartment ? MessageKeys.Plan.ParagraphWithoutDepartment : MessageKeys.Plan.ParagraphWithoutText,
                format.Location(where), detail);
        return messages.Format(MessageKeys.Plan.ErrorPrefix + error.Kind, format.Location(where), detail);
    }
}
