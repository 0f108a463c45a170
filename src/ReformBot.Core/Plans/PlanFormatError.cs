namespace ReformBot.Core.Plans;

/// <summary>Why a plan text was refused. The host turns the kind into a message for the office.</summary>
public enum PlanFormatErrorKind
{
    /// <summary>No header row (序号 … 责任部门 …) was found.</summary>
    NoTable,
    /// <summary>A header row lacks the number, task, department or schedule column.</summary>
    MissingColumn,
    /// <summary>A row with cells whose number cell is not a number.</summary>
    RowWithoutNumber,
    /// <summary>A row starting with an empty cell but no row before it to continue.</summary>
    ContinuationWithoutRow,
    /// <summary>A row with more cells than the header.</summary>
    TooManyCells,
    /// <summary>A task number used twice.</summary>
    DuplicateNumber,
    /// <summary>A gap in the numbering, or a table not starting at 1.</summary>
    MissingNumber,
    /// <summary>A task with no responsible department.</summary>
    RowWithoutDepartment,
    /// <summary>A task with no text.</summary>
    RowWithoutText,
}

/// <param name="Location">The row the office must look at.</param>
/// <param name="Detail">The offending value (a number, a cell), for the message.</param>
public sealed record PlanFormatError(PlanFormatErrorKind Kind, PlanLocation Location, string Detail)
{
    /// <param name="line">1-based line number in a plan text.</param>
    public PlanFormatError(PlanFormatErrorKind kind, int line, string detail) : this(kind, PlanLocation.AtLine(line), detail) { }

    /// <summary>The text line, or the row within the table, sheet or page.</summary>
    public int Line => Location.Line;

    /// <summary>Found among a plan's numbered paragraphs rather than a table's rows, so the advice is about paragraphs.</summary>
    public bool InParagraphs { get; init; }
}

public sealed class PlanFormatException(PlanFormatError error)
    : Exception($"{error.Kind} at {error.Location}: {error.Detail}")
{
    public PlanFormatError Error { get; } = error;
}
