namespace ReformBot.Host.Cli;

/// <summary>A command line run by the host for a command-line process (POST /admin/cli).</summary>
public sealed record AdminCliRequest(string[] Args, string WorkingDirectory);

public sealed record AdminCliResponse(int ExitCode, string Output, string Error);

public static class AdminProtocol
{
    public const string Path = "/admin/cli";
    public const string TokenHeader = "X-ReformBot-Admin-Token";
}
