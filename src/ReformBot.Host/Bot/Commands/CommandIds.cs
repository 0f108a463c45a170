namespace ReformBot.Host.Bot.Commands;

/// <summary>The ids that tie dialogs/commands.yaml to the code: every id needs an entry there and a handler here.</summary>
public static class CommandIds
{
    public const string Help = "help";

    public static IReadOnlyList<string> All { get; } = [Help];
}
