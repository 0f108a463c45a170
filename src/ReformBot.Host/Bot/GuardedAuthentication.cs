using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace ReformBot.Host.Bot;

/// <summary>
/// The SDK's authentication with two rules around it. A request whose token cannot be validated gets
/// 401 whatever the reason, with one log line: the SDK lets a bad token's parse error, and any failure
/// to fetch the Bot Framework's OpenID metadata (an intranet without a route to it), escape as a 500,
/// and logs its own 401s as errors with a stack trace. Every refusal therefore leaves here as a
/// <see cref="TokenRefusedException"/>, which <see cref="BotEndpoint"/> answers with 401. And connector
/// clients are made only for service URLs that <see cref="ServiceUrlPolicy"/> allows, for replies and
/// proactive messages alike. The clients are made when first used (<see cref="DeferredConnectorFactory"/>).
/// </summary>
public sealed partial class GuardedAuthentication(BotFrameworkAuthentication inner, ServiceUrlPolicy serviceUrls,
    ILogger<GuardedAuthentication> logger) : BotFrameworkAuthentication
{
    /// <summary>1 while token validation is failing for a reason other than the token (logged once per outage).</summary>
    private int _outage;

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        try
        {
            var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
            if (Interlocked.Exchange(ref _outage, 0) == 1) LogRecovered(logger);
            result.ConnectorFactory = new DeferredConnectorFactory(result.ConnectorFactory);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Refusal(e);
        }
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Refusal(e);
        }
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new GuardedConnectorFactory(new DeferredConnectorFactory(inner.CreateConnectorFactory(claimsIdentity)), serviceUrls);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken)));

    public override Microsoft.Bot.Builder.Skills.BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    /// <summary>
    /// The refusal, logged: the token is missing or bad (a warning, no stack trace), or it could not be
    /// checked at all (an error, once per outage).
    /// </summary>
    private TokenRefusedException Refusal(Exception e)
    {
        if (e is UnauthorizedAccessException or SecurityTokenException or ArgumentException)
            LogInvalidToken(logger, FirstSentence(e.Message));
        else if (Interlocked.Exchange(ref _outage, 1) == 0)
            LogOutage(logger, FirstSentence(e.Message), Cause(e));
        else
            LogOutageContinues(logger, Cause(e));
        return new TokenRefusedException(e);
    }

    /// <summary>The network error under the SDK's, e.g. "Connection refused (127.0.0.1:443)".</summary>
    private static string Cause(Exception e)
    {
        var cause = e;
        for (var current = e; current is not null; current = current.InnerException)
            if (current is HttpRequestException or TimeoutException or System.Security.Authentication.AuthenticationException) cause = current;
        return FirstSentence((cause == e ? e.GetBaseException() : cause).Message);
    }

    /// <summary>IdentityModel puts whole stack traces into its messages; a log line keeps the first sentence.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOfAny(['\n', '\r']);
        if (end < 0) end = message.Length;
        var sentence = message.IndexOf(". ", StringComparison.Ordinal);
        return message[..(sentence >= 0 && sentence < end ? sentence + 1 : end)];
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused a request: no valid token ({Reason})")]
    private static partial void LogInvalidToken(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message =
        "Cannot validate Bot Framework tokens: the OpenID metadata or signing keys could not be fetched ({Reason} {Cause}). Every request gets 401 until they can; check that this host reaches login.botframework.com (or the configured ToBotFromChannelOpenIdMetadataUrl) through the network or proxy")]
    private static partial void LogOutage(ILogger logger, string reason, string cause);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Token validation still unavailable: {Reason}")]
    private static partial void LogOutageContinues(ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Bot Framework token validation works again")]
    private static partial void LogRecovered(ILogger logger);

    /// <summary>Refuses to make a connector client for a service URL the policy does not allow, before any request.</summary>
    private sealed class GuardedConnectorFactory(ConnectorFactory inner, ServiceUrlPolicy serviceUrls) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            serviceUrls.Allows(serviceUrl)
                ? inner.CreateAsync(serviceUrl, audience, cancellationToken)
                : throw new InvalidOperationException(
                    $"The service URL {ServiceUrlPolicy.ForLog(serviceUrl)} is not allowed ({BotEndpointOptions.Section}:{nameof(BotEndpointOptions.AllowedServiceUrls)}).");
    }
}

/// <summary>A request to /api/messages whose token was not accepted; logged already, answered with 401.</summary>
public sealed class TokenRefusedException(Exception reason) : Exception("The request's token was not accepted.", reason);
