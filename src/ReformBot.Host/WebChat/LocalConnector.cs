using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using ReformBot.Host.Bot;
using ReformBot.Host.Downloads;

namespace ReformBot.Host.WebChat;

/// <summary>
/// The host's own Bot Connector for the built-in channel: the serviceUrl of its activities. The bot's
/// replies and proactive messages are posted there (<see cref="LocalConnectorEndpoint"/>) by the SDK's
/// connector client, as to any channel, and land in the transcript.
/// </summary>
/// <remarks>
/// The service URL is the host's loopback address, so it never leaves the machine. Calls to it carry a
/// random secret of this process instead of an Azure AD token (<see cref="LocalConnectorAuthentication"/>),
/// which is why the channel works with MicrosoftAppId set.
/// </remarks>
public sealed class LocalConnector(HostAddress address)
{
    public const string PathBase = "/directline-connector/";

    public const string ChannelId = Microsoft.Bot.Connector.Channels.Webchat;

    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    /// <summary>The serviceUrl of the channel's activities, e.g. http://127.0.0.1:3978/directline-connector/.</summary>
    public string ServiceUrl => address.Loopback + PathBase;

    /// <summary>
    /// Whether a serviceUrl is this connector: the channel's path on a loopback host. The port is not
    /// compared, since an address stored before a restart may name the port the host had then.
    /// </summary>
    public static bool IsOwn(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.IsLoopback && uri.Scheme == Uri.UriSchemeHttp
        && uri.AbsolutePath.StartsWith(PathBase, StringComparison.Ordinal);

    internal string AuthorizationValue => Convert.ToHexString(_secret);

    /// <summary>Whether a request to the connector route carries this process's secret.</summary>
    internal bool Authorizes(string? authorization)
    {
        const string prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.Ordinal)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(authorization[prefix.Length..]), Encoding.ASCII.GetBytes(AuthorizationValue));
    }

    internal IConnectorClient CreateClient(HttpClient http) =>
        new ConnectorClient(new Uri(ServiceUrl), new SecretCredentials(AuthorizationValue), http, disposeHttpClient: false);

    /// <summary>Sends the process secret as a bearer token; nothing is fetched from Azure AD.</summary>
    private sealed class SecretCredentials(string secret) : ServiceClientCredentials
    {
        public override Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// The configured Bot Framework authentication, except that connector clients for the built-in
/// channel's serviceUrl go to <see cref="LocalConnector"/> with its secret instead of an Azure AD token.
/// Only factories made from claims are wrapped: the built-in channel's turns and proactive turns.
/// </summary>
public sealed class LocalConnectorAuthentication(BotFrameworkAuthentication inner, LocalConnector local, IHttpClientFactory httpClients)
    : BotFrameworkAuthentication
{
    // A channel's request keeps the configured factory: an activity from outside that names this
    // connector's URL as its serviceUrl gets a client without the secret, which the route refuses.
    public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    /// <summary>Proactive turns and the built-in channel's own turns get their connectors here.</summary>
    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new Factory(inner.CreateConnectorFactory(claimsIdentity), local, httpClients);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override Microsoft.Bot.Builder.Skills.BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private sealed class Factory(ConnectorFactory inner, LocalConnector local, IHttpClientFactory httpClients) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            LocalConnector.IsOwn(serviceUrl)
                ? Task.FromResult(DeferredConnectorFactory.ShareContracts(local.CreateClient(httpClients.CreateClient(nameof(LocalConnector)))))
                : inner.CreateAsync(serviceUrl, audience, cancellationToken);
    }
}
