using System.CommandLine;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Cli;

/// <summary>
/// What a command runs with: where it writes, the caller's working directory and the services. The same
/// commands run in the command-line process (its own services, over the database it opens) and inside the
/// running host (the host's services, on behalf of a command-line process); both are composed by
/// AddReformBotCore. A command resolves services when it runs, so --help never opens the database.
/// </summary>
/// <remarks>
/// It is the invocation configuration of System.CommandLine, so a parsed command line is run with
/// <c>parsed.Invoke(context)</c> and every command action finds it again with <see cref="Of"/>.
/// </remarks>
public sealed class CliContext : InvocationConfiguration
{
    /// <param name="inHost">The host runs the command for a command-line process (commands that replace the database refuse).</param>
    public CliContext(TextWriter output, TextWriter error, string workingDirectory, IServiceProvider services, bool inHost = false)
    {
        InHost = inHost;
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        Services = services;
        // Exceptions go to the caller, which knows which ones deserve a message (a database in use).
        EnableDefaultExceptionHandler = false;
    }

    /// <summary>Where relative file arguments are resolved: the caller's directory.</summary>
    public string WorkingDirectory { get; }

    public IServiceProvider Services { get; }

    /// <summary>True when a running host runs the command; false in the command-line process.</summary>
    public bool InHost { get; }

    public MessageCatalog Messages => Get<MessageCatalog>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The context the command line being run was invoked with.</summary>
    public static CliContext Of(ParseResult parsed) => (CliContext)parsed.InvocationConfiguration;
}
