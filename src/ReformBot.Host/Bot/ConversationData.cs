using ReformBot.Host.Bot.PlanImports;
using ReformBot.Host.Bot.Reporting;

namespace ReformBot.Host.Bot;

/// <summary>What the bot remembers about one conversation between turns (kept in ConversationState).</summary>
public sealed class ConversationData
{
    /// <summary>The quarterly report in progress, or null when none is.</summary>
    public ReportSession? Report { get; set; }

    /// <summary>Drafts of tasks skipped or left for another task before they were confirmed, by <see cref="KeptDraft.KeyOf"/>: 汇报 &lt;n&gt; resumes them.</summary>
    public Dictionary<string, KeptDraft> KeptDrafts { get; set; } = [];

    /// <summary>The last report confirmed here, so that a 确认 sent again (its answer was lost) is told it is saved.</summary>
    public SavedReport? LastSaved { get; set; }

    /// <summary>The plan file previewed here and waiting for 确认导入 or 取消, or null.</summary>
    public PendingPlanFile? PendingImport { get; set; }
}
