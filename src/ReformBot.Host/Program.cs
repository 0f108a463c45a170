using System.Globalization;
using ReformBot.Host.Cli;
using ReformBot.Host.Configuration;
using ReformBot.Host.Messages;
using ReformBot.Host.Web;

// One executable: with no command (or "serve") it runs the host; any other command is the
// office's command-line tool.

// Users read Chinese: the command-line parser's own messages (usage errors, help) follow this culture.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
try
{
    var messages = MessageCatalog.Load(MessageCatalog.DefaultPath);
    if (HostArguments(args, CliApp.CommandNames(messages)) is { } hostArgs)
    {
        var app = ReformBotWebHost.Build(hostArgs, messages);
        await app.RunAsync();
        return 0;
    }
    return CommandLine.Run(args, messages, Console.Out, Console.Error);
}
catch (Exception e) when (StoreProblems.Line(e, MessageCatalog.Load(MessageCatalog.DefaultPath)) is { } line)
{
    // A database that cannot be used (damaged, in use by another host, read-only, a link): one line, never a LiteDB stack trace.
    Console.Error.WriteLine(line);
    return 3;
}
catch (Exception e) when (e is InvalidDataException or ArgumentException)
{
    // A broken data file (dialogs, seeds) or setting: say which and what, without a stack trace.
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (Exception e) when (SettingsErrors.Lines(e) is { } lines)
{
    // A settings section that fails its check at start: the same clean way, one line per problem.
    foreach (var line in lines) Console.Error.WriteLine(line);
    return 2;
}

public partial class Program
{
    /// <summary>The options of the command-line tool itself that may come first; every other leading option is the host's.</summary>
    private static readonly string[] ToolOptions = ["--help", "-h", "-?", "--version"];

    /// <summary>
    /// The host's arguments when this command line starts the host, as an ASP.NET Core host is started: no
    /// arguments, options only (--urls, --db, any setting), or "serve" and options. Null when it names a command
    /// of the command-line tool anywhere (<c>--db x.db tasks</c> runs tasks), or asks for its help or version.
    /// </summary>
    internal static string[]? HostArguments(string[] args, IReadOnlySet<string> commandNames) =>
        args.Length == 0 ? args
        : args[0] == "serve" ? args[1..]
        : args[0].StartsWith('-') && !ToolOptions.Contains(args[0]) && !args.Any(commandNames.Contains) ? args
        : null;
}
