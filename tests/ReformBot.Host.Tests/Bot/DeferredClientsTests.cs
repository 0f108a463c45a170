using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ReformBot.Host.Bot;

namespace ReformBot.Host.Tests.Bot;

public sealed class DeferredClientsTests
{
    [Fact]
    public async Task A_connector_client_is_made_only_when_the_turn_uses_it_and_only_once()
    {
        var inner = new CountingConnectorFactory();
        var factory = new DeferredConnectorFactory(inner);

        using (await factory.CreateAsync("http://127.0.0.1:1/", "audience", CancellationToken.None)) { }
        Assert.Equal(0, inner.Created);

        using var used = await factory.CreateAsync("http://127.0.0.1:1/", "audience", CancellationToken.None);
        Assert.Equal(new Uri("http://127.0.0.1:1/"), used.BaseUri);
        Assert.NotNull(used.Conversations);
        Assert.Equal(1, inner.Created);
    }

    [Fact]
    public async Task Every_client_made_shares_one_contract_resolver()
    {
        var factory = new DeferredConnectorFactory(new CountingConnectorFactory());
        using var first = await factory.CreateAsync("http://127.0.0.1:1/", "audience", CancellationToken.None);
        using var second = await factory.CreateAsync("http://127.0.0.1:2/", "audience", CancellationToken.None);

        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.SerializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
    }

    [Fact]
    public async Task A_user_token_client_is_made_only_when_called()
    {
        var made = 0;
        using (new DeferredUserTokenClient(() => { made++; return Task.FromResult<UserTokenClient>(new RefusingUserTokenClient()); })) { }
        Assert.Equal(0, made);

        using var client = new DeferredUserTokenClient(() => { made++; return Task.FromResult<UserTokenClient>(new RefusingUserTokenClient()); });
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SignOutUserAsync("user", "connection", "webchat", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SignOutUserAsync("user", "connection", "webchat", CancellationToken.None));
        Assert.Equal(1, made);
    }

    private sealed class CountingConnectorFactory : ConnectorFactory
    {
        public int Created { get; private set; }

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            Created++;
            return Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri(serviceUrl), MicrosoftAppCredentials.Empty));
        }
    }

    /// <summary>Answers every call by refusing it, so a test sees that the call reached the client made.</summary>
    private sealed class RefusingUserTokenClient : UserTokenClient
    {
        private static InvalidOperationException Refused() => new("refused by the test's client");

        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) => throw Refused();

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) => throw Refused();

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) => throw Refused();

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) => throw Refused();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) => throw Refused();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) => throw Refused();
    }
}
