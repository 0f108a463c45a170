namespace ReformBot.Host.Downloads;

/// <summary>Where this host listens, once it has started: the loopback address links fall back to.</summary>
public sealed class HostAddress
{
    /// <summary>Before the host has started (or when it is not a web host): the default URL of appsettings.json.</summary>
    public const string Default = "http://localhost:3978";

    private volatile string? _loopback;

    public string Loopback
    {
        get => _loopback ?? Default;
        set => _loopback = value;
    }
}
