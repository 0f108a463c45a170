using System.Text.Json;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Cli;

/// <summary>
/// The file a running host writes beside its database (“reformbot.db.host.json”): where its
/// loopback admin endpoint listens and the secret that admits a command-line process. Written fresh
/// and owner-only at every start (an existing file is replaced, never reused with its permissions);
/// removed when the host stops. A file left by a crashed host is stale: the command-line tool finds
/// nobody listening and opens the database itself.
/// </summary>
public sealed record HostEndpointFile(string Url, string Token, int ProcessId)
{
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".host.json";

    /// <summary>The file, or null when there is none or it cannot be read.</summary>
    /// <exception cref="UntrustedEndpointFileException">
    /// It exists but another user could have written it: not the caller's own, writable by others, or in a
    /// directory others can write to. Whoever planted it would receive the command and answer it.
    /// </exception>
    public static HostEndpointFile? Read(string databasePath)
    {
        var path = PathFor(databasePath);
        try
        {
            if (!File.Exists(path)) return null;
            if (OwnerOnlyFiles.Distrust(path) is { } reason) throw new UntrustedEndpointFileException(path, reason);
            return JsonSerializer.Deserialize<HostEndpointFile>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string databasePath) => OwnerOnlyFiles.WriteNew(PathFor(databasePath), stream => JsonSerializer.Serialize(stream, this));

    public static void Delete(string databasePath) => File.Delete(PathFor(databasePath));
}

public sealed class UntrustedEndpointFileException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string FilePath { get; } = path;

    public string Reason { get; } = reason;
}
