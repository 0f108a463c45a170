namespace ReformBot.Core.Plans;

/// <summary>Something in a plan that was read but may be wrong; the preview shows it before anything is stored.</summary>
public enum PlanWarningKind
{
    /// <summary>A part of the schedule cell was not understood (detail: that part).</summary>
    ScheduleNotUnderstood,
    /// <summary>A unit naming many offices (各有关单位): it can register no contact until mapped (detail: the name).</summary>
    GenericUnit,
    /// <summary>A department name that reads like a sentence, not a unit (detail: the name).</summary>
    SentenceLikeDepartment,
    /// <summary>A department name that reads like a person (detail: the name).</summary>
    PersonLikeDepartment,
    /// <summary>A department cell that reads wholly as a schedule: the row's cells may not line up (detail: the cell).</summary>
    ScheduleInDepartmentCell,
    /// <summary>A schedule cell that reads as nothing but unit names: the row's cells may not line up (detail: the cell).</summary>
    UnitsInScheduleCell,
    /// <summary>A row with fewer cells than the header, which never reaches a column it needs (detail: that column's header).</summary>
    MissingCells,
    /// <summary>The table's numbering starts later than 1 (80): the tasks before it are not in this file (detail: the first number).</summary>
    NumberingStartsLater,
}

public sealed record PlanWarning(PlanWarningKind Kind, string Detail);
