using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReformBot.Host.Bot;
using ReformBot.Host.Configuration;
using ReformBot.Host.Scheduling;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Configuration;

/// <summary>Every settings section is checked at start, and a bad one stops the host or the tool the same clean way.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("ReformBot:Database", " ")]
    [InlineData("ReformBot:Reporting:TimeZone", "Mars/Olympus")]
    [InlineData("ReformBot:Reminders:OverdueDays", "31")]
    [InlineData("ReformBot:Invites:ValidDays", "0")]
    [InlineData("ReformBot:Downloads:ValidHours", "0")]
    [InlineData("ReformBot:Chart:Width", "wide")]
    [InlineData("ReformBot:Bot:AllowUnauthenticatedRemote", "maybe")]
    [InlineData("ReformBot:Scheduling:ReminderCron", "every morning")]
    [InlineData("ReformBot:Proactive:MaxAttempts", "0")]
    public void A_bad_setting_of_any_section_fails_the_start_check_with_one_line_naming_it(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value }).Build();
        var services = new ServiceCollection().AddReformBotCore(configuration, TestFiles.Messages);
        services.AddReformBot();
        services.AddScheduling();
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var lines = SettingsErrors.Lines(error);
        Assert.True(lines is not null, $"Not a settings error: {error}");
        Assert.Contains(setting, Assert.Single(lines));
    }

    [Fact]
    public void Good_settings_pass_the_start_check()
    {
        var services = new ServiceCollection().AddReformBotCore(new ConfigurationBuilder().Build(), TestFiles.Messages);
        services.AddReformBot();
        services.AddScheduling();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("ReformBot__Proactive__MaxAttempts", "0", "ReformBot:Proactive:MaxAttempts")]
    [InlineData("ReformBot__Reminders__OverdueDays", "31", "ReformBot:Reminders:OverdueDays")]
    public async Task The_host_with_a_bad_setting_prints_one_line_and_exits_with_code_2(string variable, string value, string setting)
    {
        var run = await RunAsync(variable, value, "serve", "--db", _dir.DatabasePath, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(setting, Assert.Single(Lines(run.Error)));
    }

    [Fact]
    public async Task The_command_line_tool_with_a_bad_setting_prints_one_line_and_exits_with_code_2()
    {
        var run = await RunAsync("ReformBot__Downloads__ValidHours", "0", "tasks", "--db", _dir.DatabasePath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ReformBot:Downloads:ValidHours", Assert.Single(Lines(run.Error)));
        Assert.Empty(run.Output);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The executable as the office runs it, with one setting from the environment.</summary>
    private async Task<CliRun> RunAsync(string variable, string value, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReformBot.Host.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment[variable] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliRun(process.ExitCode, await output, await error);
    }
}
