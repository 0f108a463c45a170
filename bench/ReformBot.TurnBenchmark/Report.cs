using System.Globalization;
using System.Text;

namespace ReformBot.TurnBenchmark;

/// <summary>The figures as Markdown tables, and the issue's targets against them.</summary>
public static class Report
{
    public static string Table(HistoryResult result, Options options)
    {
        var text = new StringBuilder();
        text.AppendLine("| bot | scenario | conns | turns/s | p50 ms | p99 ms | CPU ms/turn | vs echo |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var connections in options.Connections)
        {
            foreach (var ((echo, c), f) in result.Echoes.Where(e => e.Key.Connections == connections))
                text.AppendLine(Row("echo", echo switch
                {
                    TurnBenchmark.Yardstick.ReadEcho => "state read only",
                    TurnBenchmark.Yardstick.WriteEcho => "state written every turn",
                    _ => "state written and flushed to disk every turn",
                }, c, f, null));
            foreach (var host in result.Hosts)
                foreach (var ((scenario, c), f) in host.Turns.Where(t => t.Key.Connections == connections))
                    text.AppendLine(Row(host.Label, scenario, c, f, result.Echoes[(YardstickOf(scenario, host), c)]));
        }
        text.AppendLine();
        foreach (var host in result.Hosts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{host.Label}: digest --format json through the host {host.DigestMedianMs:0.#} ms median, {host.DigestMaxMs:0.#} ms max; ");
            if (host.Crowd is { } crowd)
                text.Append(CultureInfo.InvariantCulture, $"{options.Crowd} conversations reporting at once: {crowd.TurnsPerSecond:0} turns/s, p50 {crowd.P50:0} ms, p99 {crowd.P99:0} ms; ");
            text.AppendLine(CultureInfo.InvariantCulture, $"memory {host.WorkingSetBytes / 1024.0 / 1024:0} MB (working set after the runs)");
        }
        return text.ToString();
    }

    public static string Targets(IReadOnlyList<HistoryResult> results, Options options)
    {
        var text = new StringBuilder("### Against the targets (this build, \"host\")\n\n");
        var empty = results.FirstOrDefault(r => r.Revisions == 0);
        foreach (var result in results)
        {
            var host = result.Hosts[0];
            foreach (var ((scenario, c), f) in host.Turns.OrderBy(t => t.Key.Connections))
            {
                var ratio = f.TurnsPerSecond / result.Echoes[(YardstickOf(scenario, host), c)].TurnsPerSecond;
                var line = $"- {result.Revisions:N0} revisions, {scenario}, {c} connections: {ratio:P0} of the echo";
                if (IsReportFlow(scenario) || scenario == "我的任务") line += ratio >= 0.7 ? " (≥ 70%: met)" : " (< 70%: not met)";
                if (scenario.StartsWith("确认", StringComparison.Ordinal)) line += f.TurnsPerSecond >= 200 ? $"; {f.TurnsPerSecond:0}/s (≥ 200: met)" : $"; {f.TurnsPerSecond:0}/s (< 200: not met)";
                if (empty is not null && result != empty && empty.Hosts[0].Turns.TryGetValue((scenario, c), out var start))
                {
                    var kept = f.TurnsPerSecond / start.TurnsPerSecond;
                    line += $"; {kept:P0} of its empty-store speed" + (kept >= 0.8 ? " (≥ 80%: met)" : " (< 80%: not met)");
                }
                text.AppendLine(line);
            }
            text.AppendLine($"- {result.Revisions:N0} revisions: digest through the host {host.DigestMedianMs:0.#} ms" + (host.DigestMedianMs < 100 ? " (< 100 ms: met)" : " (≥ 100 ms: not met)")
                + (empty is not null && result != empty ? $", {empty.Hosts[0].DigestMedianMs / host.DigestMedianMs:P0} of its empty-store speed" : "")
                + $"; memory {host.WorkingSetBytes / 1024 / 1024} MB" + (host.WorkingSetBytes < 250L * 1024 * 1024 ? " (< 250 MB: met)" : " (≥ 250 MB: not met)"));
            if (host.Crowd is { } crowd)
                text.AppendLine($"- {result.Revisions:N0} revisions: {options.Crowd} conversations reporting at once, p99 {crowd.P99:0} ms" + (crowd.P99 < 1000 ? " (< 1 s: met)" : " (≥ 1 s: not met)"));
        }
        return text.ToString();
    }

    private static string Row(string bot, string scenario, int connections, Figures f, Figures? echo) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {bot} | {scenario} | {connections} | {f.TurnsPerSecond:0} | {f.P50:0.#} | {f.P99:0.#} | {f.CpuMillisecondsPerTurn:0.00} | {(echo is null ? "—" : (f.TurnsPerSecond / echo.TurnsPerSecond).ToString("P0", CultureInfo.InvariantCulture))} |");

    public static bool IsReportFlow(string scenario) => scenario.StartsWith("report", StringComparison.Ordinal) || scenario.StartsWith("确认", StringComparison.Ordinal) || scenario.StartsWith("one-message", StringComparison.Ordinal);

    private static Yardstick YardstickOf(string scenario, HostResult host) =>
        !IsReportFlow(scenario) ? Yardstick.ReadEcho : host.FlushedState ? Yardstick.FlushEcho : Yardstick.WriteEcho;
}
