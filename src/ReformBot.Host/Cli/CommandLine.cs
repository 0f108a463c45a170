using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ReformBot.Core.Periods;
using ReformBot.Host.Configuration;
using ReformBot.Host.Contacts;
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
        LitePlanRepository? plans = null;
        // Opened on first use; a new database gets the curated departments, and the shipped plan unless a plan is being imported.
        (LiteDbStore Store, LitePlanRepository Plans) Open()
        {
            if (store is null)
            {
                store = new LiteDbStore(databasePath);
                plans = new LitePlanRepository(store);
                StoreSeeder.SeedIfEmpty(plans, options, loggerFactory.CreateLogger("ReformBot.Seeding"), includePlan: args.FirstOrDefault() != "import");
            }
            return (store, plans!);
        }
        ReportingCalendar? calendar = null;
        ReportingCalendar Calendar() => calendar ??= new ReportingCalendar(LoadReportingOptions());
        try
        {
            var context = new CliContext(output, error, workingDirectory, messages, () => Open().Plans)
            {
                Contacts = () => new LiteContactRepository(Open().Store),
                Reports = () => new LiteReportRepository(Open().Store),
                Registration = () =>
                {
                    var (opened, openedPlans) = Open();
                    return new RegistrationService(new LiteInviteRepository(opened), openedPlans, TimeProvider.System, options.Invites, Calendar().Zone);
                },
                Calendar = Calendar,
            };
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

    public static ReformBotOptions LoadOptions() =>
        LoadConfiguration().GetSection(ReformBotOptions.Section).Get<ReformBotOptions>() ?? new ReformBotOptions();

    /// <summary>The "ReformBot:Reporting" settings, as the host binds them.</summary>
    public static ReportingCalendarOptions LoadReportingOptions() =>
        LoadConfiguration().GetSection($"{ReformBotOptions.Section}:Reporting").Get<ReportingCalendarOptions>() ?? new ReportingCalendarOptions();

    private static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

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
