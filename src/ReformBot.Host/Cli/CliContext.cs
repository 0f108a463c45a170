using ReformBot.Core.Storage;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Cli;

/// <summary>
/// What a command runs against. The same commands run in the command-line process (store opened
/// directly) and inside the running host (its own store, on behalf of a command-line process).
/// </summary>
/// <param name="WorkingDirectory">Where relative file arguments are resolved: the caller's directory.</param>
/// <param name="Plans">Opened on first use, so that --help never touches the database.</param>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    MessageCatalog Messages,
    Func<IPlanRepository> Plans);
