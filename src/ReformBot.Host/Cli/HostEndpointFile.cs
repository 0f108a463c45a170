using System.Text.Json;

namespace ReformBot.Host.Cli;

/// <summary>
/// The file a running host writes beside its database (“reformbot.db.host.json”): where its
/// loopback admin endpoint listens and the secret that admits a command-line process. Readable by
/// the host's own user only; removed when the host stops. A file left by a crashed host is stale:
/// the command-line tool finds nobody listening and opens the database itself.
/// </summary>
public sealed record HostEndpointFile(string Url, string Token, int ProcessId)
{
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".host.json";

    public static HostEndpointFile? Read(string databasePath)
    {
        try
        {
            return JsonSerializer.Deserialize<HostEndpointFile>(File.ReadAllText(PathFor(databasePath)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string databasePath)
    {
        var path = PathFor(databasePath);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, this);
    }

    public static void Delete(string databasePath) => File.Delete(PathFor(databasePath));
}
