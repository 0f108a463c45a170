using System.Net;

namespace ReformBot.Host;

/// <summary>
/// The one rule for "the caller is on this machine": its connection's remote address is a loopback
/// address and the request was not relayed by a proxy. The admin endpoint admits only such callers,
/// and so does the bot endpoint without an app id.
/// </summary>
public static class Loopback
{
    /// <summary>
    /// Headers a proxy adds when it relays someone else's request. X-Original-For is the one ASP.NET
    /// Core's forwarded-headers middleware leaves behind after it replaced the remote address with the
    /// one a client named in X-Forwarded-For: with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true that
    /// middleware trusts every sender, so the address alone says nothing then.
    /// </summary>
    private static readonly string[] ProxyHeaders = ["Forwarded", "X-Forwarded-For", "X-Original-For", "X-Real-IP"];

    /// <summary>
    /// Whether the request comes from a process on this machine, directly. A request relayed by a
    /// reverse proxy (even one on this machine, whose connection is loopback) is not: it came from
    /// wherever the proxy's client is.
    /// </summary>
    public static bool IsLocalCaller(HttpContext http) =>
        Contains(http.Connection.RemoteIpAddress) && !ProxyHeaders.Any(http.Request.Headers.ContainsKey);

    /// <summary>
    /// Whether the address is loopback (127.0.0.0/8, ::1), also in the IPv4-mapped IPv6 form in which an
    /// IPv4 caller appears on a dual-mode socket: <see cref="IPAddress.IsLoopback"/> alone knows only
    /// ::ffff:127.0.0.1 of those. An unknown address (null) is not loopback.
    /// </summary>
    public static bool Contains(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
