using ReformBot.Core.Periods;
using ReformBot.Core.Reports;

namespace ReformBot.Host.Storage;

internal sealed class ChaseDocument
{
    public string Id { get; set; } = "";
    public string Period { get; set; } = "";
    public ChaseScope Scope { get; set; }
    public List<string> Departments { get; set; } = [];
    public string? Note { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string SendKind { get; set; } = "";
    public List<ChaseRecipientDocument> Recipients { get; set; } = [];
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Indexed: <see cref="FinishedAt"/> null cannot be queried by index.</summary>
    public bool Finished { get; set; }
    public int? TaskNumber { get; set; }

    public static ChaseDocument From(Chase c) => new()
    {
        Id = c.Id, Period = c.Period.ToString(), Scope = c.Scope, Departments = [.. c.Departments], Note = c.Note,
        RequestedBy = c.RequestedBy, RequestedAt = c.RequestedAt, SendKind = c.SendKind,
        Recipients = c.Recipients.Select(ChaseRecipientDocument.From).ToList(),
        FinishedAt = c.FinishedAt, Finished = c.FinishedAt is not null, TaskNumber = c.TaskNumber,
    };

    public Chase ToChase() => new(Id, Quarter.Parse(Period), Scope, Departments, Note, RequestedBy, RequestedAt, SendKind,
        Recipients.Select(r => r.ToRecipient()).ToList(), FinishedAt, TaskNumber);
}

internal sealed class ChaseRecipientDocument
{
    public string ContactId { get; set; } = "";
    public string Name { get; set; } = "";
    public ChaseOutcome Outcome { get; set; }

    public static ChaseRecipientDocument From(ChaseRecipient r) => new() { ContactId = r.ContactId, Name = r.Name, Outcome = r.Outcome };

    public ChaseRecipient ToRecipient() => new(ContactId, Name, Outcome);
}
