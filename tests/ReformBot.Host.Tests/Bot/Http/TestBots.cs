using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// Counts the messages of a conversation in ConversationState, with a pause between reading and
/// writing the count, so two overlapping turns of one conversation would lose an update. Replies
/// with the count it wrote; "count" only reads it.
/// </summary>
public sealed class CounterBot(ConversationState conversationState) : ActivityHandler
{
    public const string Read = "count";

    private readonly IStatePropertyAccessor<int> _count = conversationState.CreateProperty<int>("count");

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var count = await _count.GetAsync(turnContext, () => 0, cancellationToken);
        if (turnContext.Activity.Text != Read)
        {
            await Task.Delay(20, cancellationToken);
            await _count.SetAsync(turnContext, ++count, cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
        }
        await turnContext.SendActivityAsync(MessageFactory.Text(count.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
    }
}

/// <summary>The real bot, except that the message "boom" makes the turn throw.</summary>
public sealed class ThrowingBot(IBot inner) : IBot
{
    public const string Boom = "boom";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Text == Boom)
        {
            await Task.Yield();
            throw new InvalidOperationException("A command failed (test).");
        }
        await inner.OnTurnAsync(turnContext, cancellationToken);
    }
}
