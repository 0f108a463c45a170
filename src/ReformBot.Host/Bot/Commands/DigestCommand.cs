using ReformBot.Core.Departments;
using ReformBot.Core.Digests;
using ReformBot.Core.Periods;
using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Scheduling;
using static ReformBot.Host.Messages.MessageKeys;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 周报 [部门|季度]: the digest on demand. The office sees any department or the whole; a department
/// contact sees the part of their own departments.
/// </summary>
public sealed class DigestCommand(DigestService digests, DigestMarkdown markdown, IPlanRepository plans, ReportingPeriods periods) : IChatCommand
{
    public string Id => CommandIds.Digest;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        if (turn.Contact is not { } contact)
        {
            await turn.SayAsync(ReportNotRegistered, cancellationToken);
            return;
        }

        Quarter? period = null;
        string? department = null;
        foreach (var word in argument.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = word.Normalize(System.Text.NormalizationForm.FormKC);
            if (Quarter.TryParse(folded, out var quarter)) period = quarter;
            else if (new DepartmentDirectory(plans.Departments()).Resolve(word) is { } found) department = found.Name;
            else
            {
                await turn.SayAsync(DigestUnknownArgument, cancellationToken, word);
                return;
            }
        }

        IEnumerable<string?> parts = [department];
        if (!contact.IsOffice)
        {
            if (department is not null && !contact.ReportsFor(department) || contact.Departments.Count == 0)
            {
                await turn.SayAsync(DigestNotYours, cancellationToken, string.Join("、", contact.Departments));
                return;
            }
            parts = department is null ? contact.Departments : [department];
        }
        foreach (var part in parts)
            foreach (var message in markdown.Render(digests.Compute(period, new DigestFilter(part)), periods.Calendar.Zone))
                await turn.SayTextAsync(message, cancellationToken);
    }
}
