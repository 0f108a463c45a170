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
        var messages = markdown.RenderOverdue(digest);
        for (var i = 0; i < messages.Count; i++)
        {
            var activity = DigestReplies.Text(messages[i]);
            // The office chases from here: a 催办 button for the departments with the most overdue tasks.
            if (i == messages.Count - 1 && turn.Contact?.IsOffice == true)
                activity.SuggestedActions = new Microsoft.Bot.Schema.SuggestedActions
                {
                    Actions = DigestReplies.ChaseButtons(
                            digest.OverdueAgainstPlan.GroupBy(r => r.Department).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key),
                            turn.Messages)
                        .Select(b => new Microsoft.Bot.Schema.CardAction(Microsoft.Bot.Schema.ActionTypes.ImBack, b, value: b)).ToList(),
                };
            await turn.Context.SendActivityAsync(activity, cancellationToken);
        }
    }
}
