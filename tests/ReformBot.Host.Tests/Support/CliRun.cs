using ReformBot.Host.Cli;

namespace ReformBot.Host.Tests.Support;

/// <summary>Runs the command-line tool in this process as a user would from <paramref name="workingDirectory"/>.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = CommandLine.Run(args, TestFiles.Messages, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
