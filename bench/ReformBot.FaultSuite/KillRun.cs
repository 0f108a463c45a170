using System.Collections.Concurrent;
using System.Text.Json;

namespace ReformBot.FaultSuite;

/// <summary>What the conversations were told: every "已保存" (or "已经保存过") they got back.</summary>
public sealed record RunResult(string Period, int Conversations, int Kills, IReadOnlyCollection<(int Task, string Department)> Acknowledged,
    int ResentConfirms, int Refiled);

/// <summary>The conversations filing, and the killer beside them.</summary>
public static class KillRun
{
    public static async Task<RunResult> RunAsync(HostProcess host, SuiteOptions options, CancellationToken cancellationToken)
    {
        var period = JsonDocument.Parse(await host.CliAsync(cancellationToken, "digest", "--format", "json")).RootElement.GetProperty("period").GetString()!;
        var leads = JsonDocument.Parse(await host.CliAsync(cancellationToken, "departments", "--json")).RootElement.EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("lead").EnumerateArray().Select(t => t.GetInt32()).ToList());
        var invites = JsonDocument.Parse(await host.CliAsync(cancellationToken, "invite", "--all-missing", "--json")).RootElement.EnumerateArray()
            .Select(i => (Code: i.GetProperty("code").GetString()!, Department: i.GetProperty("department").GetString()!))
            .Where(i => leads[i.Department].Count > 0)
            .Take(options.Conversations)
            .ToList();
        if (invites.Count < options.Conversations)
            throw new SuiteException($"Only {invites.Count} lead departments to register; ask for at most that many conversations.");

        var saved = new SaveSignal();
        var conversations = invites.Select((invite, i) => new Conversation(host, $"user-{i + 1}", invite.Department,
            leads[invite.Department].Take(options.Tasks).ToList(), saved)).ToList();
        await Task.WhenAll(conversations.Select((c, i) => c.RegisterAsync(invites[i].Code, cancellationToken)));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filing = Task.WhenAll(conversations.Select(c => c.FileAllAsync(cancellationToken)));
        var killing = KillAsync(host, options, saved, filing, stop.Token);
        await filing;
        await stop.CancelAsync();
        try { await killing; }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested) { }

        return new RunResult(period, conversations.Count, host.Kills,
            conversations.SelectMany(c => c.Acknowledged.Select(t => (t, c.Department))).ToList(),
            conversations.Sum(c => c.ResentConfirms), conversations.Sum(c => c.Refiled));
    }

    /// <summary>Alternately: the moment a "已保存" reaches a conversation, and after a random wait.</summary>
    private static async Task KillAsync(HostProcess host, SuiteOptions options, SaveSignal saved, Task filing, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        for (var kill = 0; kill < options.Kills && !filing.IsCompleted; kill++)
        {
            var moment = kill % 2 == 0 ? saved.NextAsync(cancellationToken) : Task.Delay(random.Next(50, 1500), cancellationToken);
            if (await Task.WhenAny(moment, filing) == filing) return;
            await moment;
            await host.KillAndRestartAsync(cancellationToken);
        }
    }
}

/// <summary>Wakes the killer at the next "已保存" a conversation receives.</summary>
public sealed class SaveSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task NextAsync(CancellationToken cancellationToken)
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, next);
        return next.Task.WaitAsync(cancellationToken);
    }

    public void Saved() => Volatile.Read(ref _next).TrySetResult();
}
