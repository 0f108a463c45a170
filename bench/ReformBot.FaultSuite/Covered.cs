namespace ReformBot.FaultSuite;

/// <summary>The other faults of the probe, kept as xunit tests that run with every `dotnet test`.</summary>
public static class Covered
{
    public static readonly string[] Scenarios =
    [
        "full disk, saving again after space returns    Web/FullDiskTests",
        "damaged database at start, a second host       Web/ProcessTests, Storage/LiteDbStoreFileTests",
        "a database path through a symbolic link        Storage/LiteDbStoreFileTests",
        "planted or stale endpoint files                Cli/EndpointFileTests",
        "killed during export (.partial left behind)    Storage/LiteDbStoreFileTests",
        "backup under load, restore                     Web/BackupTests",
        "forwarded-header spoofing                      Faults/ForwardedHeaderSpoofingTests",
        "forged tokens, forged service URLs             Faults/ForgedTokenTests, Faults/ServiceUrlForgeryTests",
        "hostile input                                  Faults/HostileInputTests",
    ];
}
