using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using ReformBot.Core.Contacts;
using ReformBot.Core.Storage;
using ReformBot.Host.Tests.Bot.Http;

namespace ReformBot.Host.Tests.Support;

/// <summary>
/// The running host (on a copy of <see cref="TemplateDatabase"/> unless the file exists) with its real
/// Quartz scheduler on a fake clock, and a local fake channel that receives the proactive messages.
/// Tests move the clock; the scheduler fires as it would, and the harness waits for each run to finish
/// (no sleeping).
/// </summary>
public sealed class SchedulerHarness : IAsyncDisposable, IJobListener
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly Channel<(JobKey Job, DateTimeOffset? Scheduled)> _runs = System.Threading.Channels.Channel.CreateUnbounded<(JobKey, DateTimeOffset?)>();

    private readonly bool _ownsChannel;

    private SchedulerHarness(FakeTimeProvider time, FakeChannel channel, bool ownsChannel)
    {
        Time = time;
        Channel = channel;
        _ownsChannel = ownsChannel;
    }

    public FakeTimeProvider Time { get; }

    public FakeChannel Channel { get; }

    /// <summary>What the host logged, for failure messages.</summary>
    public LogCapture Logs { get; } = new();

    public RunningHost Host { get; private set; } = null!;

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <param name="channel">A channel kept across host restarts (contacts' addresses point to it); null starts one.</param>
    public static async Task<SchedulerHarness> StartAsync(string databasePath, DateTimeOffset now, Dictionary<string, string?>? settings = null,
        FakeChannel? channel = null)
    {
        var time = new FakeTimeProvider(now);
        var harness = new SchedulerHarness(time, channel ?? await FakeChannel.StartAsync(), ownsChannel: channel is null);
        harness.Host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(databasePath), builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Logging.AddProvider(harness.Logs);
            // Listening from the scheduler's start, so the runs fired at start are seen too.
            builder.Services.AddQuartz(quartz => quartz.AddJobListener(harness, [Matchers.AllJobs()]));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ReformBot:Proactive:BaseDelay"] = "00:00:00.010",
            });
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        });
        return harness;
    }

    /// <summary>A contact whose conversation lives on the fake channel.</summary>
    public Contact AddContact(string id, bool office = false, params string[] departments)
    {
        var contact = new Contact(id, $"联络员{id}", departments, office,
            new ConversationAddress("emulator", Channel.ServiceUrl, $"conversation-{id}", $"user-{id}", null, "bot"), Time.GetUtcNow());
        Get<IContactRepository>().Save(contact);
        return contact;
    }

    /// <summary>Moves the clock to <paramref name="local"/> (Shanghai time) and waits until the job scheduled for then has run.</summary>
    public async Task RunAtAsync(JobKey job, DateTime local)
    {
        var at = new DateTimeOffset(local, Shanghai);
        Time.SetUtcNow(at);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var run = await _runs.Reader.ReadAsync(timeout.Token);
            if (run.Job.Equals(job) && run.Scheduled == at) return;
        }
    }

    /// <summary>Waits until a run of <paramref name="job"/> has finished (for runs fired at start).</summary>
    public async Task WaitForRunAsync(JobKey job)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await _runs.Reader.ReadAsync(timeout.Token)).Job != job) { }
    }

    /// <summary>Waits until something the host does in the background is done; fails after 30 s.</summary>
    public async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Not done in 30 s. The host logged:\n" + string.Join("\n",
                    Logs.Entries.Where(e => e.Category.StartsWith("ReformBot") || e.Category.StartsWith("Quartz") || e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                        .Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}")));
            await Task.Delay(10);
        }
    }

    /// <summary>Messages the channel received for this contact, in order.</summary>
    public IReadOnlyList<string> MessagesTo(string contactId) =>
        Channel.Activities.Where(a => a.ConversationId == $"conversation-{contactId}").Select(a => a.Text ?? "").ToList();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsChannel) await Channel.DisposeAsync();
    }

    string IJobListener.Name => nameof(SchedulerHarness);

    ValueTask IJobListener.JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IJobListener.JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IJobListener.JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        _runs.Writer.TryWrite((context.JobDetail.Key, context.ScheduledFireTimeUtc));
        return ValueTask.CompletedTask;
    }

    ValueTask IJobListener.JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
