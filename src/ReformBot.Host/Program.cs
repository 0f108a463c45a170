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
    if (args.Length == 0 || args[0] == "serve")
    {
        var app = ReformBotWebHost.Build(args.SkipWhile(a => a == "serve").ToArray(), messages);
        await app.RunAsync();
        return 0;
    }
    return CommandLine.Run(args, messages, Console.Out, Console.Error);
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
