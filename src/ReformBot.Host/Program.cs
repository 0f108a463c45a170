using ReformBot.Host.Cli;
using ReformBot.Host.Messages;
using ReformBot.Host.Web;

// One executable: with no command (or "serve") it runs the host; any other command is the
// office's command-line tool.
var messages = MessageCatalog.Load(MessageCatalog.DefaultPath);
if (args.Length == 0 || args[0] == "serve")
{
    var app = ReformBotWebHost.Build(args.SkipWhile(a => a == "serve").ToArray(), messages);
    await app.RunAsync();
    return 0;
}
return CommandLine.Run(args, messages, Console.Out, Console.Error);
