using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ReformBot.Host.Bot;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// Who may call /api/messages: with an app id the SDK's token validation; without one, loopback
/// callers only unless the development switch is on.
/// </summary>
public sealed class BotEndpointSecurityTests : IDisposable
{
    private const string FakeAppId = "00000000-0000-0000-0000-0000000000a1";

    private readonly TempDirectory _dir = new();
    private readonly LogCapture _logs = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Without_an_app_id_a_loopback_caller_is_admitted_and_the_mode_is_logged_as_a_warning()
    {
        await using var host = await StartAsync();

        using var response = await host.Http.PostAsync(BotHttp.Message("c-local", "帮助"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BotEndpointMode.UnauthenticatedLoopbackOnly, ModeLogged(LogLevel.Warning));
    }

    [Fact]
    public async Task Without_an_app_id_a_remote_caller_gets_403()
    {
        await using var host = await StartAsync(remote: RemoteAddress);

        using var response = await host.Http.PostAsync(BotHttp.Message("c-remote", "帮助"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && Equals(e["RemoteAddress"], RemoteAddress));
    }

    [Fact]
    public async Task The_development_switch_admits_a_remote_caller_without_an_app_id_and_is_logged_as_a_warning()
    {
        await using var host = await StartAsync(remote: RemoteAddress, settings: new() { ["ReformBot:Bot:AllowUnauthenticatedRemote"] = "true" });

        using var response = await host.Http.PostAsync(BotHttp.Message("c-remote", "帮助"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await response.ReplyTextsAsync());
        Assert.Equal(BotEndpointMode.UnauthenticatedAnyCaller, ModeLogged(LogLevel.Warning));
    }

    [Fact]
    public async Task On_a_dual_mode_socket_an_IPv4_loopback_caller_is_still_loopback()
    {
        // The host sees 127.0.0.1 as ::ffff:127.0.0.1 here.
        await using var host = await StartAsync(urls: "http://[::]:0");

        using var response = await host.Http.PostAsync(BotHttp.Message("c-mapped", "帮助"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer " + UnsignedTokenFromAnotherIssuer)]
    public async Task With_an_app_id_a_request_without_a_valid_token_gets_401(string? authorization)
    {
        await using var host = await StartAsync(settings: new() { ["MicrosoftAppId"] = FakeAppId, ["MicrosoftAppPassword"] = "not-a-secret" });
        host.Http.Timeout = TimeSpan.FromSeconds(30); // none of these needs the network; fail rather than hang if one did
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHttp.Path) { Content = Json(BotHttp.Message("c-auth", "帮助")) };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(BotEndpointMode.Authenticated, ModeLogged(LogLevel.Information));
    }

    [Fact]
    public async Task With_an_app_id_a_remote_caller_meets_the_token_check_not_the_loopback_rule()
    {
        await using var host = await StartAsync(remote: RemoteAddress, settings: new() { ["MicrosoftAppId"] = FakeAppId });

        using var response = await host.Http.PostAsync(BotHttp.Message("c-remote", "帮助"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.10.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:127.10.0.1", true)]
    [InlineData("192.0.2.7", false)]
    [InlineData("::ffff:192.0.2.7", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData(null, false)]
    public void Loopback_includes_the_IPv4_mapped_form(string? address, bool loopback) =>
        Assert.Equal(loopback, Loopback.Contains(address is null ? null : IPAddress.Parse(address)));

    /// <summary>A JWT whose issuer no Bot Framework cloud uses; rejected without fetching any signing keys.</summary>
    private const string UnsignedTokenFromAnotherIssuer =
        // {"alg":"RS256","typ":"JWT"} . {"iss":"https://issuer.example","aud":"00000000-0000-0000-0000-0000000000a1","exp":4102444800} . (no valid signature)
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwiYXVkIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMGExIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJl";

    /// <summary>A documentation address (TEST-NET-3): no traffic goes there, the host is only told it came from there.</summary>
    private static readonly IPAddress RemoteAddress = IPAddress.Parse("203.0.113.5");

    /// <param name="remote">Makes every request look as if it came from this address.</param>
    private Task<RunningHost> StartAsync(string urls = "http://127.0.0.1:0", Dictionary<string, string?>? settings = null, IPAddress? remote = null) =>
        RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
        {
            builder.Logging.AddProvider(_logs);
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            if (remote is not null) builder.Services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(remote));
        }, urls);

    private BotEndpointMode? ModeLogged(LogLevel level) =>
        _logs.Entries.Where(e => e.Level == level).Select(e => e["BotEndpointMode"]).OfType<BotEndpointMode>().SingleOrDefault();

    private static StringContent Json(object activity) =>
        new(System.Text.Json.JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json");
}
