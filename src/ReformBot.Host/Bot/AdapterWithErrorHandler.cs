using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ReformBot.Host.Messages;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Bot;

/// <summary>
/// The CloudAdapter as the SDK samples set it up: its middleware and its turn-error handler in the
/// constructor. Channels' requests and proactive turns (reminders, digests) both pass through it.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    private readonly string _botAppId;

    /// <param name="sdkLogger">The SDK's own lines (one per turn at Information) under its category, which the host's settings quiet.</param>
    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, ILogger<AdapterWithErrorHandler> logger, ILogger<CloudAdapter> sdkLogger,
        ConversationState conversationState, MessageCatalog messages, IConfiguration configuration)
        : base(authentication, sdkLogger)
    {
        _botAppId = configuration["MicrosoftAppId"] ?? "";
        Use(new SharedCultureMiddleware());
        // Bot state is last-writer-wins: never let two turns of one conversation overlap.
        Use(new SerializedTurnsMiddleware());
        // Runs after SerializedTurnsMiddleware has let go of the conversation, so it must not save state.
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
            // Drop what this turn changed in memory so the next turn starts from the last saved state.
            await conversationState.ClearStateAsync(turnContext);
            // A proactive turn (ContinueConversationAsync) answers nobody: its sender reports the failure.
            if (IsProactive(turnContext.Activity)) return;
            try
            {
                await turnContext.SendActivityAsync(messages[LiteDbStore.IsStoreFailure(exception) ? MessageKeys.Bot.StoreFailed : MessageKeys.Bot.Error]);
            }
            catch (Exception sendFailure)
            {
                logger.LogError(sendFailure, "Could not tell the user that the turn failed");
            }
        };
    }

    /// <summary>
    /// Runs the turn of an activity from a channel built into the host (Web Chat), whose sender the host
    /// has authenticated itself: the same middleware and bot as every channel, with the bot's own identity
    /// and the connector the authentication gives for the activity's serviceUrl.
    /// </summary>
    public Task<InvokeResponse> ProcessBuiltInChannelActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var identity = CreateClaimsIdentity(_botAppId);
        var request = new AuthenticateRequestResult
        {
            ClaimsIdentity = identity,
            ConnectorFactory = BotFrameworkAuthentication.CreateConnectorFactory(identity),
            Audience = AuthenticationConstants.ToChannelFromBotOAuthScope,
        };
        return ProcessActivityAsync(request, activity, callback, cancellationToken);
    }

    /// <summary>The event the SDK makes up for ContinueConversationAsync.</summary>
    private static bool IsProactive(Activity activity) =>
        activity.Type == ActivityTypes.Event && activity.Name == ActivityEventNames.ContinueConversation;
}
