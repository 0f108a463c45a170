using ReformBot.Host.Cli;
using ReformBot.Host.Tests.Support;
using ReformBot.Host.Web;

namespace ReformBot.Host.Tests.Web;

/// <summary>Which command lines start the host (as ASP.NET Core hosts are started) and which run the command-line tool.</summary>
public sealed class HostArgumentsTests : IDisposable
{
    private static readonly IReadOnlySet<string> CommandNames = CliApp.CommandNames(TestFiles.Messages);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(new string[0], new string[0])]
    [InlineData(new[] { "serve" }, new string[0])]
    [InlineData(new[] { "serve", "--db", "other.db" }, new[] { "--db", "other.db" })]
    [InlineData(new[] { "--db", "other.db" }, new[] { "--db", "other.db" })]
    [InlineData(new[] { "--urls", "http://0.0.0.0:8080" }, new[] { "--urls", "http://0.0.0.0:8080" })]
    [InlineData(new[] { "--urls", "http://0.0.0.0:8080", "--db", "other.db" }, new[] { "--urls", "http://0.0.0.0:8080", "--db", "other.db" })]
    public void Options_without_a_command_start_the_host_with_them(string[] args, string[] hostArgs)
    {
        Assert.Equal(hostArgs, Program.HostArguments(args, CommandNames));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--version")]
    [InlineData("tasks")]
    [InlineData("tasks", "--db", "other.db")]
    [InlineData("--db", "other.db", "tasks")]
    [InlineData("--db", "other.db", "invite", "科技厅", "--json")]
    [InlineData("no-such-command")]
    public void Help_version_and_commands_run_the_command_line_tool(params string[] args)
    {
        Assert.Null(Program.HostArguments(args, CommandNames));
    }

    [Fact]
    public async Task The_host_started_with_db_and_urls_alone_uses_that_database_and_address()
    {
        var hostArgs = Program.HostArguments(["--db", _dir.DatabasePath, "--urls", "http://127.0.0.1:0"], CommandNames);
        Assert.NotNull(hostArgs);

        await using var app = ReformBotWebHost.Build(hostArgs, TestFiles.Messages);
        await app.StartAsync();
        try
        {
            var endpoint = HostEndpointFile.Read(_dir.DatabasePath);
            Assert.NotNull(endpoint);
            Assert.StartsWith("http://127.0.0.1:", endpoint.Url);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public void Help_prints_the_help_of_the_command_line_tool()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("tasks", run.Output);
        Assert.Contains("export", run.Output);
        Assert.Contains("--db", run.Output);
    }
}
