using System.Text.Json;

namespace ReformBot.FaultSuite;

/// <summary>The period's report revisions as `reports --period p --json` prints them, read through the host.</summary>
public static class StoredReports
{
    public static async Task<IReadOnlyList<(int Task, string Department, int Revision)>> ReadAsync(HostProcess host, string period, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await host.CliAsync(cancellationToken, "reports", "--period", period, "--json")).RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("task").GetInt32(), r.GetProperty("department").GetString()!, r.GetProperty("revision").GetInt32()))
            .ToList();
}

/// <summary>The acknowledged saves against the store: each must be there exactly once.</summary>
public sealed record Tally(RunResult Run, int Found, int Missing, int Duplicates, int Unacknowledged)
{
    public bool Passed => Missing == 0 && Duplicates == 0 && Run.Acknowledged.Count > 0;

    public static Tally Of(RunResult run, IReadOnlyList<(int Task, string Department, int Revision)> stored)
    {
        var counts = stored.GroupBy(r => (r.Task, r.Department)).ToDictionary(g => g.Key, g => g.Count());
        var acknowledged = run.Acknowledged.ToHashSet();
        var found = acknowledged.Count(counts.ContainsKey);
        // A second revision of one filed task is a duplicate whether or not its first answer arrived.
        var duplicates = counts.Values.Sum(c => c - 1) + (run.Acknowledged.Count - acknowledged.Count);
        var unacknowledged = counts.Keys.Count(k => !acknowledged.Contains(k));
        return new Tally(run, found, acknowledged.Count - found, duplicates, unacknowledged);
    }

    public string Table(TimeSpan elapsed) => string.Join('\n',
        "| conversations | kills | acknowledged saves | found | duplicates | missing | 确认 re-sent | re-filed | time |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        $"| {Run.Conversations} | {Run.Kills} | {Run.Acknowledged.Count} | {Found} | {Duplicates} | {Missing} | {Run.ResentConfirms} | {Run.Refiled} | {elapsed.TotalSeconds:0} s |",
        "",
        Passed ? "PASS: every acknowledged save is stored exactly once." : "FAIL: see missing and duplicates above.",
        Unacknowledged > 0 ? $"{Unacknowledged} stored report(s) never acknowledged (the kill came before the answer)." : "");
}
