namespace ReformBot.TurnBenchmark;

/// <param name="Histories">Report revisions seeded before the host starts, one database each.</param>
/// <param name="Connections">Concurrent connections (one worker each) of the measured runs.</param>
/// <param name="Crowd">Conversations walking reports at once in the last run of each history (0: none).</param>
/// <param name="Baseline">Another build's ReformBot.Host.dll (e.g. the main branch's), measured beside this one on copies of the same database.</param>
/// <param name="Only">Scenario names to run (substrings); empty: all.</param>
/// <param name="FlushedState">Also measure the report flow on a host that flushes every bot-state write to disk, beside an echo that does.</param>
public sealed record Options(int[] Histories, int[] Connections, TimeSpan Duration, TimeSpan Warmup, int Rounds, int Crowd,
    string? Baseline, string[] Only, bool FlushedState = false)
{
    public static readonly Options Full = new([0, 10_000, 200_000], [10, 50], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), 3, 200, null, []);

    public static readonly Options Quick = Full with { Duration = TimeSpan.FromSeconds(2.5), Warmup = TimeSpan.FromSeconds(2), Rounds = 1 };

    public const string Usage =
        "usage: ReformBot.TurnBenchmark [--quick] [--histories 0,10000,200000] [--connections 10,50] [--seconds 10] [--warmup 10]\n" +
        "                               [--rounds 3] [--crowd 200] [--baseline path/to/ReformBot.Host.dll] [--only 我的任务,确认] [--flushed-state]";

    public static Options? Parse(string[] args)
    {
        var options = (args.Contains("--quick") ? Quick : Full) with { FlushedState = args.Contains("--flushed-state") };
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--quick" or "--flushed-state") continue;
            if (i + 1 >= args.Length) return null;
            var value = args[++i];
            try
            {
                options = args[i - 1] switch
                {
                    "--histories" => options with { Histories = Numbers(value) },
                    "--connections" => options with { Connections = Numbers(value).Where(n => n > 0).ToArray() },
                    "--seconds" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value)) },
                    "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value)) },
                    "--rounds" => options with { Rounds = Math.Max(1, int.Parse(value)) },
                    "--crowd" => options with { Crowd = int.Parse(value) },
                    "--baseline" when File.Exists(value) => options with { Baseline = Path.GetFullPath(value) },
                    "--only" => options with { Only = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                    _ => null,
                };
            }
            catch (FormatException)
            {
                return null;
            }
            if (options is null) return null;
        }
        return options.Connections.Length == 0 ? null : options;
    }

    private static int[] Numbers(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
}
