namespace ReformBot.Core.Plans;

/// <summary>
/// A task's schedule cell (时间进度), e.g. 持续推进, 2016年启动，持续推进, 2017年完成, 2016年已完成.
/// The raw text is kept; the years and the ongoing flag are what the rules use.
/// </summary>
public sealed record Schedule(string Text, int? StartYear, int? DueYear, int? DoneYear, bool Ongoing)
{
    public static Schedule Empty { get; } = new("", null, null, null, false);

    public bool IsEmpty => Text.Length == 0;
}
