using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
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
        var options = LoadOptions();
        var databasePath = Path.GetFullPath(CliApp.DatabaseArgument(args, messages) ?? options.Database);
        var workingDirectory = Directory.GetCurrentDirectory();

        var endpoint = HostEndpointFile.Read(databasePath);
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
                error.WriteLine(messages.Format(MessageKeys.HostFailed, e.Message));
                return 1;
            }
        }

        using var loggerFactory = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        LiteDbStore? store = null;
        try
        {
            var context = new CliContext(output, error, workingDirectory, messages, () =>
            {
                store ??= new LiteDbStore(databasePath);
                var plans = new LitePlanRepository(store);
                // A new database gets the curated departments, and the shipped plan unless a plan is being imported.
                StoreSeeder.SeedIfEmpty(plans, options, loggerFactory.CreateLogger("ReformBot.Seeding"), includePlan: args.FirstOrDefault() != "import");
                return plans;
            });
            return new CliApp(context).Run(args);
        }
        catch (DatabaseInUseException)
        {
            error.WriteLine(messages.Format(MessageKeys.DatabaseLocked, databasePath));
            return 1;
        }
        finally
        {
            store?.Dispose();
        }
    }

    public static ReformBotOptions LoadOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(ReformBotOptions.Section).Get<ReformBotOptions>() ?? new ReformBotOptions();
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
