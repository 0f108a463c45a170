using System.Net;
using ReformBot.Host.Messages;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.WebChat;

/// <summary>The page at / over real HTTP, with and without the Web Chat client bundle.</summary>
public sealed class WebChatPageTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly MessageCatalog _messages = TestFiles.Messages;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Without_the_client_bundle_the_page_says_what_to_install()
    {
        // A web root without webchat/webchat.js: what a build on a machine without Node.js serves.
        var webRoot = Directory.CreateDirectory(_dir.File("wwwroot")).FullName;
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath), arguments: ["--webroot", webRoot]);

        using var response = await host.Http.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(WebUtility.HtmlEncode(_messages[MessageKeys.WebChat.ClientMissing]), page);
        Assert.Contains($"<title>{WebUtility.HtmlEncode(_messages[MessageKeys.WebChat.PageTitle])}</title>", page);
        Assert.DoesNotContain("webchat.js", page);
        // The channel itself still works: a browser could talk to it once the client is installed.
        using var token = await host.Http.PostAsync("/v3/directline/tokens/generate", null);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task With_the_client_bundle_the_page_loads_it()
    {
        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath));

        var page = await host.Http.GetStringAsync("/");
        using var bundle = await host.Http.GetAsync("/webchat/webchat.js");

        Assert.Contains("webchat.js", page);
        Assert.DoesNotContain(WebUtility.HtmlEncode(_messages[MessageKeys.WebChat.ClientMissing]), page);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }
}
