using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ReformBot.Host.Bot.Commands;
using ReformBot.Host.Bot.Reporting;
using ReformBot.Host.Bot.State;
using ReformBot.Host.Configuration;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Messages;
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
        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
        // CloudAdapter has two public constructors that DI cannot choose between: build it by hand.
        services.AddSingleton<CloudAdapter>(sp => CreateAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<CloudAdapter>>(),
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<MessageCatalog>()));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());

        // Bot state (drafts of reports in progress) lives in the same LiteDB file, so a restart loses nothing.
        services.AddSingleton<IStorage, LiteDbBotStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();

        services.AddSingleton(_ => new DialogEngine(DialogLoader.LoadDirectory(DialogLoader.DefaultDirectory)));
        services.AddSingleton(sp =>
        {
            var dialogs = sp.GetRequiredService<DialogEngine>();
            ReportConversation.CheckDialogs(dialogs);
            return ActivatorUtilities.CreateInstance<ReportConversation>(sp, dialogs);
        });
        services.AddChatCommands();
        services.AddTransient<IBot, ReformBotActivityHandler>();

        services.AddSettings<BotEndpointOptions>(BotEndpointOptions.Section);
        services.AddSingleton<BotEndpointSecurity>();
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

    private static CloudAdapter CreateAdapter(
        BotFrameworkAuthentication authentication, ILogger<CloudAdapter> logger, ConversationState conversationState, MessageCatalog messages)
    {
        var adapter = new CloudAdapter(authentication, logger);
        // Bot state is last-writer-wins: never let two turns of one conversation overlap.
        adapter.Use(new SerializedTurnsMiddleware());
        // Runs after SerializedTurnsMiddleware has let go of the conversation, so it must not save state.
        adapter.OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
            // Drop what this turn changed in memory so the next turn starts from the last saved state.
            await conversationState.ClearStateAsync(turnContext);
            // A proactive turn (ContinueConversationAsync) answers nobody: its sender reports the failure.
            if (IsProactive(turnContext.Activity)) return;
            try
            {
                await turnContext.SendActivityAsync(messages[MessageKeys.BotError]);
            }
            catch (Exception sendFailure)
            {
                logger.LogError(sendFailure, "Could not tell the user that the turn failed");
            }
        };
        return adapter;
    }

    /// <summary>The event the SDK makes up for ContinueConversationAsync.</summary>
    private static bool IsProactive(Activity activity) =>
        activity.Type == ActivityTypes.Event && activity.Name == ActivityEventNames.ContinueConversation;
}
