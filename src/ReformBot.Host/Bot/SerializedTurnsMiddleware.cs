using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ReformBot.Host.Bot;

/// <summary>
/// Runs the turns of one conversation one after another; turns of different conversations still run
/// in parallel.
/// </summary>
/// <remarks>
/// The SDK's bot state is last-writer-wins: two turns of one conversation that overlap both load the
/// state, and the one that saves last silently drops what the other saved. Channels can deliver two
/// messages at once, and proactive turns (ContinueConversationAsync, which also runs the adapter's
/// middleware) race user turns. Holding a per-conversation lock around the rest of the pipeline, state
/// load and save included, means no turn ever works on a stale copy.
/// The lock is not re-entrant: a turn must not wait for another turn of its own conversation.
/// </remarks>
public sealed class SerializedTurnsMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    // One gate per conversation that has a turn running or waiting; removed by the last one out,
    // so the dictionary holds only busy conversations.
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Conversations with a turn running or waiting (for tests).</summary>
    internal int BusyConversations
    {
        get { lock (_gates) return _gates.Count; }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (KeyOf(turnContext.Activity) is not { } key)
        {
            // Nothing to serialize on: such a turn has no conversation state either.
            await next(cancellationToken);
            return;
        }

        var gate = Enter(key);
        try
        {
            await gate.Turn.WaitAsync(cancellationToken);
            try
            {
                await next(cancellationToken);
            }
            finally
            {
                gate.Turn.Release();
            }
        }
        finally
        {
            Leave(key, gate);
        }
    }

    /// <summary>The same scope as ConversationState's storage key: channel and conversation.</summary>
    private static string? KeyOf(IActivity activity) =>
        string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id)
            ? null
            : $"{activity.ChannelId}/{activity.Conversation.Id}";

    private Gate Enter(string key)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out var gate))
                _gates[key] = gate = new Gate();
            gate.Users++;
            return gate;
        }
    }

    private void Leave(string key, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users > 0) return;
            _gates.Remove(key);
            gate.Turn.Dispose();
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>Turns holding or waiting for <see cref="Turn"/>; guarded by the dictionary's lock.</summary>
        public int Users { get; set; }
    }
}
