namespace ReformBot.Core.Plans;

/// <summary>
/// A task's schedule cell (时间进度), e.g. 持续推进, 2016年启动，持续推进, 2017年完成, 2026年6月底前, 2016年已完成.
/// The raw text is kept; the years, the due date and the ongoing flag are what the rules use.
/// </summary>
/// <param name="DueDate">
/// The due date when the cell gives one finer than a year (2026年6月底前 → 30 June, 2026年第二季度 → 30 June);
/// null when the cell names only the due year, which then falls due on its 31 December.
/// </param>
/// <param name="EveryYear">每年 / YYYY年起每年: the task recurs every year and never falls due.</param>
public sealed record Schedule(
    string Text, int? StartYear, int? DueYear, int? DoneYear, bool Ongoing, DateOnly? DueDate = null, bool EveryYear = false)
{
    public static Schedule Empty { get; } = new("", null, null, null, false);

    public bool IsEmpty => Text.Length == 0;

    /// <summary>The last day the task is due on, with the precision the cell gives; null without a due year.</summary>
    public DateOnly? DueBy => DueDate ?? (DueYear is int year ? new DateOnly(year, 12, 31) : null);
}
