using ReformBot.Core.Digests;
using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 周报 [部门|季度]: the digest on demand, as the weekly one reads (Markdown, then the chart). The office
/// sees any department or the whole; a department contact sees the part of their own departments.
/// "What changed" covers the last seven days.
/// </summary>
public sealed class DigestCommand(DigestService digests, DigestReplies replies, IPlanRepository plans, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Digest;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var contact = turn.RegisteredContact;

        // 周报 详细: the whole digest; without it, one screen first and the detail on request.
        var words = argument.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var detailed = words.Contains(turn.Messages[MessageKeys.Digest.DetailWord]);
        argument = string.Join(' ', words.Where(w => w != turn.Messages[MessageKeys.Digest.DetailWord]));
        var (period, department, unknown) = PeriodOrDepartment.Parse(argument, plans.Departments());
        if (unknown is not null)
        {
            await turn.SayAsync(MessageKeys.Digest.UnknownArgument, cancellationToken, unknown);
            return;
        }

        IEnumerable<string?> parts = [department];
        if (!contact.IsOffice)
        {
            if (department is not null && !contact.ReportsFor(department) || contact.Departments.Count == 0)
            {
                await turn.SayAsync(MessageKeys.Digest.NotYours, cancellationToken, format.List(contact.Departments));
                return;
            }
            parts = department is null ? contact.Departments : [department];
        }
        var since = digests.WeekAgo();
        foreach (var part in parts)
        {
            var digest = digests.Compute(period, new DigestFilter(part), since);
            foreach (var reply in detailed ? replies.For(digest) : replies.FirstScreenFor(digest, contact.IsOffice, argument))
                await turn.Context.SendActivityAsync(reply.Activity, cancellationToken);
        }
    }
}
