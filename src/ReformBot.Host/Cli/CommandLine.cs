using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ReformBot.Host.Cli.Commands;
using ReformBot.Host.Configuration;
using ReformBot.Host.Messages;
using ReformBot.Host.Seeding;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Cli;

/// <summary>
/// Runs a command of the command-line tool. While a host runs on the same database, the host holds
/// the file exclusively, so the command is sent to the host's loopback admin endpoint and run there;
/// otherwise the database is opened here.
/// </summary>
public static class CommandLine
{
    public static int Run(string[] args, MessageCatalog messages, TextWriter output, TextWriter error)
    {
        var parsed = CliApp.Parse(args, messages);
        var options = LoadOptions();
        var databasePath = Path.GetFullPath(CliApp.Database(parsed) ?? options.Database);
        var workingDirectory = Directory.GetCurrentDirectory();

        HostEndpointFile? endpoint;
        try
        {
            endpoint = HostEndpointFile.Read(databasePath);
        }
        catch (UntrustedEndpointFileException e)
        {
            error.WriteLine(messages.Format(MessageKeys.Cli.HostUntrusted, e.FilePath, e.Reason));
            return 1;
        }
        if (endpoint is not null && IsRunning(endpoint.ProcessId))
        {
            try
            {
                var response = AdminClient.TryRun(endpoint, new AdminCliRequest(args, workingDirectory));
                if (response is not null)
                {
                    output.Write(response.Output);
                    error.Write(response.Error);
                    return response.ExitCode;
                }
            }
            catch (HttpRequestException e)
            {
                error.WriteLine(messages.Format(MessageKeys.Cli.HostFailed, e.Message));
                return 1;
            }
            catch (TimeoutException)
            {
                error.WriteLine(messages.Format(MessageKeys.Cli.HostNotAnswering, endpoint.ProcessId, AdminProtocol.ProofTimeout.TotalSeconds));
                return 1;
            }
            catch (AdminProofException)
            {
                error.WriteLine(messages.Format(MessageKeys.Cli.HostUnproven, HostEndpointFile.PathFor(databasePath)));
                return 1;
            }
        }

        var configuration = LoadConfiguration(databasePath);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddReformBotCore(configuration, messages);
        // The database opens on first use, so --help never touches it. A new database gets the curated
        // departments, and the shipped plan unless a plan is being imported.
        services.AddSingleton(sp =>
        {
            var store = new LiteDbStore(databasePath);
            var importing = parsed.CommandResult.Command.Name == PlanCommands.ImportName;
            // A plan with a directory of its own belongs to another government: the curated departments are not its.
            var ownDirectory = importing && parsed.GetValue<string>(PlanCommands.DirectoryOptionName) is not null;
            StoreSeeder.SeedIfEmpty(new LitePlanRepository(store), options, sp.GetRequiredService<ILoggerFactory>().CreateLogger("ReformBot.Seeding"),
                includePlan: !importing, includeDepartments: !ownDirectory);
            return store;
        });
        using var provider = services.BuildServiceProvider();
        // As the host does at start: a bad setting stops the command before it runs.
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        try
        {
            return parsed.Invoke(new CliContext(output, error, workingDirectory, provider));
        }
        catch (DatabaseInUseException)
        {
            error.WriteLine(messages.Format(MessageKeys.Cli.DatabaseLocked, databasePath));
            return 1;
        }
        catch (StoreUnavailableException e)
        {
            error.WriteLine(StoreProblems.Line(e, messages));
            return 3;
        }
    }

    public static ReformBotOptions LoadOptions() =>
        LoadConfiguration(null).GetSection(ReformBotOptions.Section).Get<ReformBotOptions>() ?? new ReformBotOptions();

    /// <summary>appsettings.json beside the executable and the environment, as the host reads them; the database path given.</summary>
    private static IConfiguration LoadConfiguration(string? databasePath)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (databasePath is not null)
            builder.AddInMemoryCollection(new Dictionary<string, string?> { [$"{ReformBotOptions.Section}:Database"] = databasePath });
        return builder.Build();
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
