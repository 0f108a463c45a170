using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ReformBot.Core.Storage;
using ReformBot.Host.Backups;
using ReformBot.Host.Bot;
using ReformBot.Host.WebChat;
using ReformBot.Host.Cli;
using ReformBot.Host.Configuration;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Seeding;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Web;

/// <summary>The long-running host: storage, seeds, the health and admin endpoints (later the bot and the scheduler).</summary>
public static class ReformBotWebHost
{
    /// <param name="configureServices">Changes to the services after ReformBot's own, e.g. a fake clock in tests.</param>
    /// <param name="configure">Last changes before the app is built: settings, logging, services (tests).</param>
    public static WebApplication Build(string[] args, MessageCatalog messages, Action<IServiceCollection>? configureServices = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json sits beside the executable; the database path stays relative to the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { [CliApp.DbOptionName] = $"{ReformBotOptions.Section}:Database" });

        builder.Services.AddReformBotCore(builder.Configuration, messages);
        builder.Services.AddReformBot();
        builder.Services.AddDirectLineChannel();
        builder.Services.AddScheduling();
        builder.Services.AddDailyBackups();
        builder.Services.AddSingleton<LedgerFiles>();
        configureServices?.Invoke(builder.Services);
        configure?.Invoke(builder);

        var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<ReformBotOptions>>().Value;
        var store = app.Services.GetRequiredService<LiteDbStore>();
        // Check now so that a bad setting, dialog file or missing command handler stops the host at start, not at the first message.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.Services.GetRequiredService<Microsoft.Bot.Builder.IBot>();
        StoreSeeder.SeedIfEmpty(app.Services.GetRequiredService<IPlanRepository>(), options, app.Logger);

        app.MapBotEndpoint();
        app.MapDirectLineChannel();
        app.MapDownloadEndpoint();
        // After a failed write (a full disk) the store is unhealthy until a probe write succeeds again.
        app.MapGet("/health", (IPlanRepository plans, LiteDbStore store) => store.Healthy || store.Probe()
            ? Results.Ok(new { status = "ok", tasks = plans.Tasks().Count })
            : Results.Json(new { status = "unhealthy", store = "cannot save" }, statusCode: StatusCodes.Status503ServiceUnavailable));

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        app.MapAdminEndpoint(token);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = LoopbackUrl(app.Services.GetRequiredService<IServer>());
            app.Services.GetRequiredService<Downloads.HostAddress>().Loopback = url;
            new HostEndpointFile(url, token, Environment.ProcessId).Write(store.Path);
            app.Logger.LogInformation("ReformBot ready at {Url}, database {Database}", url, store.Path);
        });
        app.Lifetime.ApplicationStopping.Register(() => HostEndpointFile.Delete(store.Path));
        return app;
    }

    /// <summary>A loopback address of the server, for the command-line tool on this machine.</summary>
    private static string LoopbackUrl(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)));
        return $"http://127.0.0.1:{address.Port}";
    }
}
