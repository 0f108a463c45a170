using System.Net;

namespace ReformBot.Host;

/// <summary>
/// The one rule for "the caller is on this machine": its connection's remote address is a loopback
/// address. The admin endpoint admits only such callers, and so does the bot endpoint without an app id.
/// </summary>
public static class Loopback
{
    /// <summary>
    /// Whether the address is loopback (127.0.0.0/8, ::1), also in the IPv4-mapped IPv6 form in which an
    /// IPv4 caller appears on a dual-mode socket: <see cref="IPAddress.IsLoopback"/> alone knows only
    /// ::ffff:127.0.0.1 of those. An unknown address (null) is not loopback.
    /// </summary>
    public static bool Contains(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
