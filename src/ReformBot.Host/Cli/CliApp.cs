using System.CommandLine;
using ReformBot.Host.Cli.Commands;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Cli;

/// <summary>
/// The office's command-line tool: its commands, one file per group under Commands/. A command line is
/// parsed once and then run with a context: <c>CliApp.Parse(args, messages).Invoke(context)</c>.
/// </summary>
public static class CliApp
{
    public const string DbOptionName = "--db";

    public static ParseResult Parse(string[] args, MessageCatalog messages) => Root(messages).Parse(args);

    /// <summary>The names of the tool's commands (tasks, invite, digest…).</summary>
    public static IReadOnlySet<string> CommandNames(MessageCatalog messages) =>
        Root(messages).Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    private static RootCommand Root(MessageCatalog messages)
    {
        var root = new RootCommand(messages[MessageKeys.Cli.Description])
        {
            new Option<string?>(DbOptionName) { Description = messages[MessageKeys.Cli.OptionDb], Recursive = true },
        };
        foreach (var command in PlanCommands.Create(messages).Concat(ContactCommands.Create(messages)).Concat(ReportCommands.Create(messages)).Concat(StoreCommands.Create(messages)))
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>The --db value of a parsed command line, or null when it has none.</summary>
    public static string? Database(ParseResult parsed) => parsed.GetValue<string?>(DbOptionName);

    /// <summary>The --json switch of the commands that print JSON.</summary>
    internal static Option<bool> JsonOption(MessageCatalog messages) => new("--json") { Description = messages[MessageKeys.Cli.OptionJson] };
}
