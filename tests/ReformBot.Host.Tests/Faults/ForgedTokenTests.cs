using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using ReformBot.Host.Bot;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Faults;

/// <summary>
/// Fault scenario: an intranet host with an app id and no route to the Bot Framework's OpenID metadata
/// (here: the metadata URL is a closed loopback port). Forged tokens of every kind get 401, never 500,
/// and the outage is logged once.
/// </summary>
public sealed class ForgedTokenTests : IAsyncLifetime
{
    private const string AppId = "00000000-0000-0000-0000-0000000000b2";
    private const string ChannelIssuer = "https://api.botframework.com";

    private readonly TempDirectory _dir = new();
    private readonly LogCapture _logs = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        var metadata = $"https://127.0.0.1:{ClosedPort()}/v1/.well-known/openidconfiguration";
        _host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
        {
            builder.Logging.AddProvider(_logs);
            // The public cloud's settings as the SDK's ConfigurationBotFrameworkAuthentication reads them,
            // except the metadata addresses, which nothing answers.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-secret",
                ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
                ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
                ["ToBotFromChannelTokenIssuer"] = ChannelIssuer,
                ["OAuthUrl"] = "https://api.botframework.com",
                ["ToBotFromChannelOpenIdMetadataUrl"] = metadata,
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadata,
                ["CallerId"] = "urn:botframework:azure",
            });
        });
        _host.Http.Timeout = TimeSpan.FromSeconds(30);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Forged_tokens_get_401_and_the_metadata_outage_is_logged_once()
    {
        var rsa = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "forged-key" };
        var hmac = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var now = DateTime.UtcNow;
        string[] tokens =
        [
            Token(null, now.AddHours(1)),                                                              // alg: none
            Token(new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256), now.AddHours(1)),       // HS256
            Token(new SigningCredentials(rsa, SecurityAlgorithms.RsaSha256), now.AddHours(1)),         // self-signed RS256
            Token(new SigningCredentials(rsa, SecurityAlgorithms.RsaSha256), now.AddHours(-1)),        // expired
        ];

        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, BotHttp.Path) { Content = JsonContent.Create(BotHttp.Message("c-forged", "帮助")) };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var response = await _host.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{response.StatusCode} for {token.Split('.')[0]}");
        }

        var outage = Assert.Single(_logs.Entries, e => e.Category == typeof(GuardedAuthentication).FullName && e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, outage.Level);
        Assert.Contains("OpenID metadata", outage.Message);
        Assert.Null(outage.Exception); // one clear line, no stack trace
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error && e != outage);
    }

    /// <summary>A token as a channel's would look (issuer, audience, serviceurl), signed with the given credentials or none.</summary>
    private static string Token(SigningCredentials? credentials, DateTime expires)
    {
        var handler = new JwtSecurityTokenHandler();
        var token = new JwtSecurityToken(ChannelIssuer, AppId,
            [new Claim("serviceurl", BotHttp.UnusedServiceUrl)],
            notBefore: expires.AddHours(-2), expires: expires, signingCredentials: credentials);
        return handler.WriteToken(token);
    }

    /// <summary>A loopback port that was free a moment ago: connecting to it is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
