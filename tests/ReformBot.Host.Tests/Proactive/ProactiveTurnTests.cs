using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Contacts;
using ReformBot.Host.Proactive;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Proactive;

/// <summary>Proactive sends are turns of their conversation, serialized with the user's own turns.</summary>
public sealed class ProactiveTurnTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _dir = new();
    private readonly HeldBot _bot = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_proactive_message_waits_for_the_users_turn_in_that_conversation()
    {
        await using var channel = await ScriptedChannel.StartAsync();
        await using var host = await StartHostAsync();
        var sender = host.Services.GetRequiredService<IProactiveSender>();

        var userTurn = host.Http.PostAsync(BotHttp.Message("c-busy", "hello"));
        await _bot.Entered.Task.WaitAsync(Patience);
        var send = sender.SendAsync(Address(channel, "c-busy"), "reminder", CancellationToken.None);
        var other = await sender.SendAsync(Address(channel, "c-idle"), "reminder", CancellationToken.None);
        await Task.Delay(300);

        Assert.Equal(DeliveryResult.Delivered, other.Result); // other conversations are not held up
        Assert.False(send.IsCompleted);
        Assert.Empty(channel.HitsOf("c-busy"));

        _bot.Release.SetResult();
        using var reply = await userTurn.WaitAsync(Patience);
        var delivery = await send.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(DeliveryResult.Delivered, delivery.Result);
        Assert.Equal("reminder", Assert.Single(channel.HitsOf("c-busy")).Text);
    }

    [Fact]
    public async Task A_send_cancelled_while_waiting_for_the_conversation_tells_the_user_nothing()
    {
        await using var channel = await ScriptedChannel.StartAsync();
        await using var host = await StartHostAsync();
        var sender = host.Services.GetRequiredService<IProactiveSender>();

        var userTurn = host.Http.PostAsync(BotHttp.Message("c-busy", "hello"));
        await _bot.Entered.Task.WaitAsync(Patience);
        using var cancel = new CancellationTokenSource();
        var send = sender.SendAsync(Address(channel, "c-busy"), "reminder", cancel.Token);
        await Task.Delay(100);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(Patience));
        _bot.Release.SetResult();
        using var reply = await userTurn.WaitAsync(Patience);

        // The cancelled proactive turn failed inside the adapter's pipeline; its OnTurnError must not
        // post the "something went wrong" message to the user.
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Empty(channel.Hits);
    }

    private Task<RunningHost> StartHostAsync() =>
        RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder => builder.Services.AddSingleton<IBot>(_bot));

    private static ConversationAddress Address(ScriptedChannel channel, string conversationId) =>
        new(BotHttp.ChannelId, channel.ServiceUrl, conversationId, "user-1", null, "reformbot");

    /// <summary>Holds the first message's turn until released, then answers it.</summary>
    private sealed class HeldBot : IBot
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type != Microsoft.Bot.Schema.ActivityTypes.Message) return;
            Entered.TrySetResult();
            await Release.Task;
            await turnContext.SendActivityAsync("done", cancellationToken: cancellationToken);
        }
    }
}
