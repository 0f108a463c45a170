namespace ReformBot.FaultSuite;

/// <param name="Conversations">Contacts filing at once, one department each.</param>
/// <param name="Tasks">Lead tasks each contact files (fewer if its department leads fewer).</param>
/// <param name="Kills">SIGKILLs while they file, alternately right after a "已保存" and at a random moment.</param>
public sealed record SuiteOptions(int Conversations, int Tasks, int Kills, int Seed, double Minutes)
{
    public static SuiteOptions? Parse(string[] args)
    {
        var options = new SuiteOptions(Conversations: 20, Tasks: 4, Kills: 12, Seed: Environment.TickCount, Minutes: 3);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 0) return null;
            options = args[i] switch
            {
                "--conversations" when value > 0 => options with { Conversations = value },
                "--tasks" when value > 0 => options with { Tasks = value },
                "--kills" => options with { Kills = value },
                "--seed" => options with { Seed = value },
                "--minutes" when value > 0 => options with { Minutes = value },
                _ => null,
            };
            if (options is null) return null;
        }
        return options;
    }
}
