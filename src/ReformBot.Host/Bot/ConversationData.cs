namespace ReformBot.Host.Bot;

/// <summary>What the bot remembers about one conversation between turns (kept in ConversationState).</summary>
public sealed class ConversationData
{
}
