namespace ReformBot.Core.Plans;

/// <summary>
/// A table row as parsed, before department names are resolved against the department directory.
/// </summary>
/// <param name="Line">Line of the row's number cell, for messages.</param>
public sealed record ParsedTask(int Number, string Text, IReadOnlyList<TaskDepartment> Departments, Schedule Schedule, int Line)
{
    /// <summary>What was read but may be wrong (a schedule not understood), for the preview.</summary>
    public IReadOnlyList<PlanWarning> Warnings { get; init; } = [];

    /// <summary>The number people use for the task (<see cref="PlanTask.Label"/>); by default the task's number.</summary>
    public string Label { get; init; } = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The category heading above the task (一、推动芯片全链发展), if the table has them.</summary>
    public string? Section { get; init; }

    /// <summary>
    /// The number the table writes when it is not <see cref="Number"/>: in a table whose numbering restarts at 1 in
    /// each section, tasks are numbered 1..n in order and the written number is shown beside it in the preview.
    /// </summary>
    public string? WrittenNumber { get; init; }
}
