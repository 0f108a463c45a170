using System.Net.Http.Json;
using System.Text.Json;

namespace ReformBot.FaultSuite;

/// <summary>
/// One department's contact over /api/messages (deliveryMode expectReplies), filing its tasks with the
/// one-message labelled format and 确认. A message whose answer never came (the host was killed) is sent
/// again once the host is back, as a person would; a 确认 that finds no draft any more files the task again.
/// </summary>
public sealed class Conversation(HostProcess host, string userId, string department, IReadOnlyList<int> tasks, SaveSignal saved)
{
    private const int MaxAttempts = 20;

    public string Department { get; } = department;

    public List<int> Acknowledged { get; } = [];

    public int ResentConfirms { get; private set; }

    public int Refiled { get; private set; }

    public async Task RegisterAsync(string code, CancellationToken cancellationToken)
    {
        var reply = await SayAsync($"注册 {code}", cancellationToken) ?? throw new SuiteException($"{userId}: no answer to 注册.");
        if (!reply.Contains($"您现在是{Department}的联络员", StringComparison.Ordinal))
            throw new SuiteException($"{userId}: registration as {Department} failed: {reply}");
    }

    public async Task FileAllAsync(CancellationToken cancellationToken)
    {
        foreach (var task in tasks) await FileAsync(task, cancellationToken);
    }

    private async Task FileAsync(int task, CancellationToken cancellationToken)
    {
        var report = $"汇报 {task}\n状态：按计划推进\n进展：第 {task} 项完成调研，起草了实施办法\n问题：无\n下一步：报审实施办法";
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var summary = await SayAsync(report, cancellationToken);
            if (summary is null || !summary.Contains($"请核对第 {task} 项", StringComparison.Ordinal)) continue;
            for (var confirm = 0; confirm < MaxAttempts; confirm++)
            {
                var answer = await SayAsync("确认", cancellationToken);
                if (answer is null)
                {
                    ResentConfirms++;
                    continue;
                }
                if (answer.Contains($"已保存第 {task} 项", StringComparison.Ordinal)
                    || answer.Contains($"第 {task} 项的这份汇报已经保存过", StringComparison.Ordinal))
                {
                    Acknowledged.Add(task);
                    saved.Saved();
                    return;
                }
                Console.Error.WriteLine($"{userId} ({Department}), task {task}: 确认 answered “{answer.ReplaceLineEndings(" ")}”; filing it again.");
                break;
            }
            // The draft is gone (the kill came before it was kept): say it again.
            Refiled++;
        }
        throw new SuiteException($"{userId} ({Department}): task {task} not saved after {MaxAttempts} attempts.");
    }

    /// <summary>The replies' text, or null when the host died before answering (after waiting for it to be back).</summary>
    private async Task<string?> SayAsync(string text, CancellationToken cancellationToken)
    {
        await host.Up.WaitAsync(cancellationToken);
        var activity = new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            channelId = "webchat",
            serviceUrl = "http://127.0.0.1:9/",
            from = new { id = userId, name = $"{Department}联络员" },
            recipient = new { id = "reformbot", name = "ReformBot" },
            conversation = new { id = $"conv-{userId}" },
            text,
            locale = "zh-CN",
            deliveryMode = "expectReplies",
        };
        try
        {
            using var response = await host.PostAsync(activity, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return string.Join("\n", body.GetProperty("activities").EnumerateArray()
                .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or JsonException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Killed mid-turn: wait for the restart; the caller decides what to send again.
            await Task.Delay(20, cancellationToken);
            return null;
        }
    }
}
