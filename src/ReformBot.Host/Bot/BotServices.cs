using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using ReformBot.Host.Bot.Commands;
using ReformBot.Host.Bot.Reporting;
using ReformBot.Host.Bot.State;
using ReformBot.Host.Configuration;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Proactive;

namespace ReformBot.Host.Bot;

/// <summary>The Bot Framework pieces in DI, as the SDK samples wire them, and the /api/messages endpoint.</summary>
public static class BotServices
{
    public const string MessagesPath = "/api/messages";

    public static IServiceCollection AddReformBot(this IServiceCollection services)
    {
        // Reads MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType from configuration.
        // The connector client of each turn takes its HttpClient from IHttpClientFactory: without one the
        // SDK makes a new HttpClient, so a new connection, for every turn, and a fan-out of reminders
        // leaves thousands of sockets in TIME_WAIT.
        // Redirects are never followed: a channel's service answers a connector call itself, and a redirect
        // would carry the bot's message and token to wherever a caller's serviceUrl points it.
        services.AddHttpClient(Options.DefaultName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<BotFrameworkAuthentication>(sp => new GuardedAuthentication(
            new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()),
            sp.GetRequiredService<ServiceUrlPolicy>(), sp.GetRequiredService<ILogger<GuardedAuthentication>>()));
        services.AddSingleton<CloudAdapter, AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());

        // Bot state (drafts of reports in progress) lives in the same LiteDB file, so a restart loses nothing.
        services.AddSettings<BotStateOptions>(BotStateOptions.Section);
        services.AddSingleton<IStorage>(sp => new LiteDbBotStorage(sp.GetRequiredService<Storage.LiteDbStore>(),
            sp.GetRequiredService<IOptions<BotStateOptions>>().Value.FlushEveryWrite));
        services.AddSingleton<ConversationState>();

        services.AddSingleton(_ => new DialogEngine(DialogLoader.LoadDirectory(DialogLoader.DefaultDirectory, ReportConversation.Dialogs)));
        services.AddSingleton(sp => ReportCard.Load(ReportCard.DefaultPath, sp.GetRequiredService<DialogEngine>().Definition(ReportConversation.DialogId),
            sp.GetRequiredService<Messages.MessageCatalog>()));
        services.AddSettings<ReportCardOptions>(ReportCardOptions.Section, o => o.Problems());
        services.AddSingleton<ReportConversation>();
        services.AddChatCommands();
        services.AddTransient<IBot, ReformBotActivityHandler>();

        services.AddSettings<BotEndpointOptions>(BotEndpointOptions.Section, o => o.Problems());
        services.AddSingleton<BotEndpointSecurity>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<BotEndpoint>();

        // Messages the bot starts itself (reminders, digests), through the same adapter.
        services.AddProactiveSending();
        return services;
    }

    public static void MapBotEndpoint(this WebApplication app)
    {
        app.Services.GetRequiredService<BotEndpointSecurity>().LogMode(app.Services.GetRequiredService<ILogger<BotEndpointSecurity>>());
        app.MapPost(MessagesPath, (HttpContext http, BotEndpoint endpoint, IBot bot) => endpoint.HandleAsync(http, bot))
            // Kestrel's default (about 28.6 MB) is far more than a chat message needs.
            .WithMetadata(new RequestSizeLimitAttribute(BotEndpoint.MaxRequestBodyBytes));
    }
}
