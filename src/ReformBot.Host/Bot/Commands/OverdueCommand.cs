using ReformBot.Core.Digests;
using ReformBot.Host.Digests;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 逾期: tasks overdue against the plan (due year passed, never reported 已完成), one line per lead
/// department: the digest's own section, so chat and digest always agree.
/// </summary>
public sealed class OverdueCommand(DigestService digests, DigestMarkdown markdown) : IChatCommand
{
    public string Id => CommandIds.Overdue;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var digest = digests.Compute(filter: new DigestFilter(OverdueOnly: true));
        if (digest.OverdueAgainstPlan.Count == 0)
        {
            await turn.SayAsync(MessageKeys.Overdue.None, cancellationToken);
            return;
        }
        foreach (var message in markdown.RenderOverdue(digest))
            await turn.Context.SendActivityAsync(DigestReplies.Text(message), cancellationToken);
    }
}
