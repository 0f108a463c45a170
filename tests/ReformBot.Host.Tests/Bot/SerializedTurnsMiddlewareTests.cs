using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ReformBot.Host.Bot;

namespace ReformBot.Host.Tests.Bot;

public sealed class SerializedTurnsMiddlewareTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMilliseconds(200);

    private readonly SerializedTurnsMiddleware _middleware = new();

    [Fact]
    public async Task A_second_turn_of_the_same_conversation_waits_for_the_first()
    {
        var first = new TaskCompletionSource();
        var firstTurn = RunAsync("c-1", _ => first.Task);
        var secondStarted = false;
        var secondTurn = RunAsync("c-1", _ => { secondStarted = true; return Task.CompletedTask; });

        await Task.Delay(Soon);
        Assert.False(secondStarted);
        Assert.Equal(1, _middleware.BusyConversations);

        first.SetResult();
        await Task.WhenAll(firstTurn, secondTurn);
        Assert.True(secondStarted);
        Assert.Equal(0, _middleware.BusyConversations);
    }

    [Fact]
    public async Task Turns_of_different_conversations_do_not_wait_for_each_other()
    {
        var first = new TaskCompletionSource();
        var firstTurn = RunAsync("c-1", _ => first.Task);

        await RunAsync("c-2", _ => Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(10));
        await RunAsync("c-1", _ => Task.CompletedTask, channelId: "other-channel").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(firstTurn.IsCompleted);
        first.SetResult();
        await firstTurn;
        Assert.Equal(0, _middleware.BusyConversations);
    }

    [Fact]
    public async Task A_turn_that_throws_lets_the_next_one_run()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("c-1", _ => throw new InvalidOperationException()));

        await RunAsync("c-1", _ => Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, _middleware.BusyConversations);
    }

    [Fact]
    public async Task A_waiting_turn_that_is_cancelled_gives_up_its_place()
    {
        var first = new TaskCompletionSource();
        var firstTurn = RunAsync("c-1", _ => first.Task);
        using var cancel = new CancellationTokenSource();
        var waiting = RunAsync("c-1", _ => Task.CompletedTask, cancellationToken: cancel.Token);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.SetResult();
        await firstTurn;
        Assert.Equal(0, _middleware.BusyConversations);
    }

    [Fact]
    public async Task A_turn_without_a_conversation_runs_unserialized()
    {
        var ran = false;
        await RunAsync(null, _ => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
        Assert.Equal(0, _middleware.BusyConversations);
    }

    private Task RunAsync(string? conversationId, NextDelegate next, string channelId = "test", CancellationToken cancellationToken = default)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = channelId,
            Conversation = conversationId is null ? null : new ConversationAccount(id: conversationId),
        };
        var context = new TurnContext(new TestAdapter(), activity);
        return _middleware.OnTurnAsync(context, next, cancellationToken);
    }
}
