using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ReformBot.Host.Tests.Bot.Http;

/// <summary>
/// Makes every request to the host look as if it came from this address. Tests send traffic to
/// loopback only, so a remote caller is the one thing faked: the rest of the request is real HTTP.
/// </summary>
public sealed class RemoteAddressFilter(IPAddress remote) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = remote;
            return nextMiddleware(context);
        });
        next(app);
    };
}
