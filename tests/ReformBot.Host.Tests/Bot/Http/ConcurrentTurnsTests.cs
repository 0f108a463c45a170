using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// Messages of one conversation arriving at once, as real concurrent HTTP requests, against the
/// ConversationState over the host's registered IStorage.
/// </summary>
public sealed class ConcurrentTurnsTests : IDisposable
{
    private const int Messages = 20;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Concurrent_messages_of_one_conversation_lose_nothing()
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), UseCounterBot);

        var replies = await SendAtOnceAsync(host, "c-race");

        // Serialized turns: each saw the count the previous one saved.
        Assert.Equal(Enumerable.Range(1, Messages), replies.Order());
        Assert.Equal([Messages.ToString(CultureInfo.InvariantCulture)], await host.Http.SayAsync("c-race", CounterBot.Read));
    }

    [Fact]
    public async Task Concurrent_messages_of_different_conversations_each_count_their_own()
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), UseCounterBot);

        var counts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
        {
            await SendAtOnceAsync(host, $"c-{i}");
            return (await host.Http.SayAsync($"c-{i}", CounterBot.Read)).Single();
        }));

        Assert.All(counts, count => Assert.Equal(Messages.ToString(CultureInfo.InvariantCulture), count));
    }

    [Fact]
    public async Task Without_serialized_turns_the_same_messages_lose_updates()
    {
        // The contrast that shows what SerializedTurnsMiddleware is for: the same bot and storage
        // behind a CloudAdapter without it.
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
        {
            UseCounterBot(builder);
            builder.Services.AddSingleton(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
        });

        await SendAtOnceAsync(host, "c-race");

        var count = int.Parse((await host.Http.SayAsync("c-race", CounterBot.Read)).Single(), CultureInfo.InvariantCulture);
        Assert.True(count < Messages, $"Expected lost updates without serialization, but the count is {count}.");
    }

    private static void UseCounterBot(WebApplicationBuilder builder) =>
        builder.Services.AddTransient<IBot, CounterBot>();

    /// <summary>Sends <see cref="Messages"/> messages at once and returns the counts the bot replied.</summary>
    private static async Task<int[]> SendAtOnceAsync(RunningHost host, string conversationId)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, Messages).Select(async i =>
        {
            await start.WaitAsync();
            return int.Parse((await host.Http.SayAsync(conversationId, $"message {i}")).Single(), CultureInfo.InvariantCulture);
        }).ToList();
        start.Release(Messages);
        return await Task.WhenAll(requests);
    }
}
