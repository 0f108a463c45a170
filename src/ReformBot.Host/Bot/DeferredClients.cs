using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ReformBot.Host.Bot;

/// <summary>
/// A connector factory whose clients are made when first used. The SDK makes a connector client for every
/// turn before the bot runs, also when nothing is sent through it (a turn with <c>expectReplies</c> returns its
/// replies in the response); building one costs reflection over the SDK's assemblies (its user agent), about a
/// tenth of a short turn's CPU. Every client made here also shares one JSON contract resolver: the SDK gives
/// each client a new one, which works out the contract of <see cref="Activity"/> afresh for every message sent.
/// </summary>
public sealed class DeferredConnectorFactory(ConnectorFactory inner) : ConnectorFactory
{
    /// <summary>The resolver the SDK sets on each connector client, kept for all of them.</summary>
    private static readonly DefaultContractResolver SharedContracts = new();

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        Task.FromResult<IConnectorClient>(new DeferredConnectorClient(() => inner.CreateAsync(serviceUrl, audience, cancellationToken)));

    /// <summary>Gives a client made elsewhere (a proactive turn's) the shared contract resolver.</summary>
    public static IConnectorClient ShareContracts(IConnectorClient client)
    {
        client.SerializationSettings.ContractResolver = SharedContracts;
        client.DeserializationSettings.ContractResolver = SharedContracts;
        return client;
    }

    private sealed class DeferredConnectorClient(Func<Task<IConnectorClient>> create) : IConnectorClient
    {
        private readonly Lazy<IConnectorClient> _client = new(() =>
            // The SDK's factories make the client and its credentials without waiting on anything (tokens are
            // fetched when a request is sent), so this task has completed when it returns.
            ShareContracts(create().GetAwaiter().GetResult()));

        public Uri BaseUri
        {
            get => _client.Value.BaseUri;
            set => _client.Value.BaseUri = value;
        }

        public JsonSerializerSettings SerializationSettings => _client.Value.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => _client.Value.DeserializationSettings;

        public ServiceClientCredentials Credentials => _client.Value.Credentials;

        public IAttachments Attachments => _client.Value.Attachments;

        public IConversations Conversations => _client.Value.Conversations;

        public void Dispose()
        {
            if (_client.IsValueCreated) _client.Value.Dispose();
        }
    }
}

/// <summary>
/// A user-token client made when first used: the SDK makes one for every turn (for sign-in prompts), and
/// ReformBot's turns do not sign users in to other services, so it is normally never made.
/// </summary>
public sealed class DeferredUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
{
    private readonly Lazy<Task<UserTokenClient>> _client = new(create);

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await _client.Value).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await _client.Value).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await _client.Value).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await _client.Value).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await _client.Value).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await _client.Value).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _client.IsValueCreated && _client.Value.IsCompletedSuccessfully) _client.Value.Result.Dispose();
        base.Dispose(disposing);
    }
}
