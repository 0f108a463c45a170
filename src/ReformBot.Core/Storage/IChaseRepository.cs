using ReformBot.Core.Periods;
using ReformBot.Core.Reports;

namespace ReformBot.Core.Storage;

/// <summary>The office's chases (提醒, 催办): append, then record their outcome; never removed.</summary>
public interface IChaseRepository
{
    /// <summary>Stores a new chase; on disk when this returns, before any of its messages leaves.</summary>
    void Add(Chase chase);

    /// <summary>Records the outcome per recipient and when it finished; on disk when this returns.</summary>
    void Finish(string id, IReadOnlyList<ChaseRecipient> recipients, DateTimeOffset at);

    Chase? Find(string id);

    /// <summary>Every chase of the period, oldest first.</summary>
    IReadOnlyList<Chase> ForPeriod(Quarter period);

    /// <summary>Chases a stop interrupted: started, never finished.</summary>
    IReadOnlyList<Chase> Unfinished();
}
