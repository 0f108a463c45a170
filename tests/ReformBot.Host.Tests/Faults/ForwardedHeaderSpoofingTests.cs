using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Host.Cli;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Faults;

/// <summary>
/// Fault scenario: a remote caller claims to be local through forwarded headers. With no app id and
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (forwarded headers trusted from anyone), neither the bot
/// endpoint nor the admin endpoint may take X-Forwarded-For: 127.0.0.1 for a local caller.
/// </summary>
public sealed class ForwardedHeaderSpoofingTests : IAsyncLifetime
{
    /// <summary>A documentation address (TEST-NET-3): the host is only told the connection came from there.</summary>
    private static readonly IPAddress RemoteAddress = IPAddress.Parse("203.0.113.5");

    private readonly TempDirectory _dir = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), builder =>
        {
            // What the environment variable ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" });
            // First of all startup filters, so that the connection looks remote before the forwarded-headers
            // middleware reads X-Forwarded-For, as a real remote connection would.
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new RemoteAddressFilter(RemoteAddress)));
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("X-Forwarded-For", "::1")]
    [InlineData("X-Forwarded-For", "127.0.0.1, 127.0.0.1")]
    public async Task A_remote_caller_claiming_loopback_gets_403_from_the_bot_endpoint(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHttp.Path) { Content = JsonContent.Create(BotHttp.Message("c-spoof", "联络员")) };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_remote_caller_claiming_loopback_gets_403_from_the_admin_endpoint_even_with_the_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminProtocol.Path)
        {
            Content = JsonContent.Create(new AdminCliRequest(["tasks"], _dir.Path)),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "127.0.0.1");
        request.Headers.TryAddWithoutValidation(AdminProtocol.TokenHeader, _host.Endpoint.Token);

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>
/// A reverse proxy on this machine connects from loopback; what it relays comes from its own clients,
/// so a request carrying forwarding headers is not a local caller, without any forwarded-headers setting.
/// </summary>
public sealed class LocalProxyTests : IClassFixture<SharedHost>
{
    private readonly RunningHost _host;

    public LocalProxyTests(SharedHost shared) => _host = shared.Host;

    [Theory]
    [InlineData("X-Forwarded-For", "198.51.100.20")]
    [InlineData("Forwarded", "for=198.51.100.20")]
    [InlineData("X-Real-IP", "198.51.100.20")]
    public async Task A_request_relayed_by_a_local_proxy_gets_403(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHttp.Path) { Content = JsonContent.Create(BotHttp.Message("c-proxied", "帮助")) };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_direct_loopback_caller_is_still_admitted()
    {
        Assert.NotEmpty(await _host.Http.SayAsync("c-direct", "帮助"));
    }
}
