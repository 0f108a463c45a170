namespace ReformBot.Core.Reports;

/// <summary>The status a lead department reports for a task in a period.</summary>
public enum ReportStatus
{
    /// <summary>已完成</summary>
    Completed,
    /// <summary>按计划推进</summary>
    OnTrack,
    /// <summary>滞后</summary>
    Behind,
    /// <summary>未启动</summary>
    NotStarted,
}
