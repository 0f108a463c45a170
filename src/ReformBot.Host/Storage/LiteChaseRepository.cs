using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Storage;

public sealed class LiteChaseRepository(LiteDbStore store) : IChaseRepository
{
    public void Add(Chase chase)
    {
        store.Chases.Insert(ChaseDocument.From(chase));
        store.FlushToDisk();
    }

    public void Finish(string id, IReadOnlyList<ChaseRecipient> recipients, DateTimeOffset at)
    {
        var document = store.Chases.FindById(id) ?? throw new InvalidOperationException($"Chase {id} was never stored.");
        document.Recipients = recipients.Select(ChaseRecipientDocument.From).ToList();
        document.FinishedAt = at;
        document.Finished = true;
        store.Chases.Update(document);
        store.FlushToDisk();
    }

    public Chase? Find(string id) => store.Chases.FindById(id)?.ToChase();

    public IReadOnlyList<Chase> ForPeriod(Quarter period)
    {
        var text = period.ToString();
        return store.Chases.Find(c => c.Period == text).OrderBy(c => c.RequestedAt).Select(c => c.ToChase()).ToList();
    }

    public IReadOnlyList<Chase> Unfinished() =>
        store.Chases.Find(c => c.Finished == false).OrderBy(c => c.RequestedAt).Select(c => c.ToChase()).ToList();
}
