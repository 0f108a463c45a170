using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ReformBot.Host.Tests.Support;

/// <summary>
/// A test that calls the host from this machine's own non-loopback address, so that the host sees a
/// remote caller; skipped on a machine that has no such address.
/// </summary>
public sealed class NonLoopbackFactAttribute : FactAttribute
{
    public NonLoopbackFactAttribute()
    {
        if (Address is null) Skip = "This machine has no non-loopback IPv4 address.";
    }

    /// <summary>An IPv4 address of an interface that is up and not loopback, or null.</summary>
    public static IPAddress? Address { get; } = NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}

/// <summary>A test that listens on a dual-mode IPv6 socket ([::]); skipped where IPv6 is not supported.</summary>
public sealed class DualModeFactAttribute : FactAttribute
{
    public DualModeFactAttribute()
    {
        if (!Socket.OSSupportsIPv6) Skip = "This machine does not support IPv6 sockets.";
    }
}
