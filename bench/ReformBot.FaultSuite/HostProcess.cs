using System.Diagnostics;
using System.Net.Http.Json;
using ReformBot.Host.Cli;

namespace ReformBot.FaultSuite;

/// <summary>
/// The host executable as its own process on loopback, killed with SIGKILL and started again on the same
/// database. Conversations wait on <see cref="Up"/> while it is down.
/// </summary>
public sealed class HostProcess(string databasePath) : IAsyncDisposable
{
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "ReformBot.Host.dll");
    private readonly object _gate = new();
    private Process? _process;
    private HttpClient? _http;
    private TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string DatabasePath { get; } = databasePath;

    public int Kills { get; private set; }

    /// <summary>Completes when the host answers; replaced by a pending one at each kill.</summary>
    public Task Up { get { lock (_gate) return _up.Task; } }

    public HttpClient Http { get { lock (_gate) return _http ?? throw new InvalidOperationException("The host is down."); } }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var process = Start(["serve", "--db", DatabasePath, "--urls", "http://127.0.0.1:0"], redirect: false);
        // A killed host leaves its endpoint file behind: wait for the new host's own.
        while (HostEndpointFile.Read(DatabasePath) is not { } endpoint || endpoint.ProcessId != process.Id)
        {
            if (process.HasExited) throw new SuiteException($"The host exited with code {process.ExitCode} at start.");
            await Task.Delay(50, cancellationToken);
        }
        var http = new HttpClient { BaseAddress = new Uri(HostEndpointFile.Read(DatabasePath)!.Url), Timeout = TimeSpan.FromSeconds(30) };
        using (var health = await http.GetAsync("/health", cancellationToken))
            if (!health.IsSuccessStatusCode) throw new SuiteException($"The host started unhealthy ({(int)health.StatusCode}).");
        lock (_gate)
        {
            _process = process;
            _http = http;
            _up.TrySetResult();
        }
    }

    /// <summary>SIGKILL, as kill -9: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAndRestartAsync(CancellationToken cancellationToken)
    {
        Process process;
        lock (_gate)
        {
            process = _process ?? throw new InvalidOperationException("The host is not running.");
            _up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _process = null;
            _http = null;
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(cancellationToken);
        process.Dispose();
        Kills++;
        await StartAsync(cancellationToken);
    }

    /// <summary>The command-line tool beside the running host, as the office runs it.</summary>
    public async Task<string> CliAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var process = Start([.. args, "--db", DatabasePath], redirect: true);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new SuiteException($"`{string.Join(' ', args)}` exited with code {process.ExitCode}: {(await error).Trim()}");
        return await output;
    }

    public Task<HttpResponseMessage> PostAsync(object activity, CancellationToken cancellationToken) =>
        Http.PostAsJsonAsync("/api/messages", activity, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Process? process;
        lock (_gate) process = _process;
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
    }

    private static Process Start(IEnumerable<string> args, bool redirect)
    {
        // The host's own logs are not the suite's output; the CLI's output is read.
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(HostDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new SuiteException("Could not start the host executable.");
        if (!redirect)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return process;
    }
}

public sealed class SuiteException(string message) : Exception(message);

/// <summary>A fresh directory for the suite's database, removed at the end.</summary>
public sealed class WorkDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("reformbot-faults-").FullName;

    public string DatabasePath => System.IO.Path.Combine(Path, "reformbot.db");

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
