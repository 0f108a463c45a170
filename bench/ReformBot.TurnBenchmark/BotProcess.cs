using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ReformBot.Host.Cli;

namespace ReformBot.TurnBenchmark;

/// <summary>
/// A bot under load as a process of its own on loopback: the host (`serve`) or the echo bot. Its CPU time
/// and memory are read from the process, so the load generator's own work is not counted.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private BotProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
        // The logs are not the benchmark's output, but must be read so a full pipe never blocks the bot; the last
        // lines are kept to explain a turn that failed.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The last lines the bot wrote to its standard output and error.</summary>
    public IReadOnlyList<string> RecentOutput
    {
        get { lock (_output) return _output.ToList(); }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines) _output.Dequeue();
        }
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Id => _process.Id;

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The host executable on <paramref name="databasePath"/>, at a port the OS picks; ready when its endpoint file names it.</summary>
    public static async Task<BotProcess> StartHostAsync(string name, string hostDll, string databasePath, bool flushState, CancellationToken cancellationToken)
    {
        var process = Start(hostDll, ["serve", "--db", databasePath, "--urls", "http://127.0.0.1:0"],
            flushState ? new() { ["ReformBot__BotState__FlushEveryWrite"] = "true" } : []);
        while (HostEndpointFile.Read(databasePath) is not { } endpoint || endpoint.ProcessId != process.Id)
        {
            if (process.HasExited) throw new BenchmarkException($"{name} exited with code {process.ExitCode} at start.");
            await Task.Delay(50, cancellationToken);
        }
        var bot = new BotProcess(name, process, new Uri(HostEndpointFile.Read(databasePath)!.Url));
        await bot.WaitHealthyAsync(cancellationToken);
        return bot;
    }

    /// <summary>The echo bot on <paramref name="databasePath"/>; <paramref name="write"/>: it saves its state every turn.</summary>
    public static async Task<BotProcess> StartEchoAsync(string name, string databasePath, bool write, bool flush, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "ReformBot.EchoBot.dll");
        List<string> args = ["--db", databasePath, "--urls", $"http://127.0.0.1:{port}"];
        if (write) args.Add("--write");
        if (flush) args.Add("--flush");
        var bot = new BotProcess(name, Start(dll, args, []), new Uri($"http://127.0.0.1:{port}/"));
        await bot.WaitHealthyAsync(cancellationToken);
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first, so the host removes its endpoint file and closes the database.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; ; attempt++)
        {
            if (_process.HasExited) throw new BenchmarkException($"{Name} exited with code {_process.ExitCode} at start.");
            try
            {
                using var health = await http.GetAsync("/health", cancellationToken);
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (attempt < 600) { }
            await Task.Delay(100, cancellationToken);
        }
    }

    private static Process Start(string dll, IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info) ?? throw new BenchmarkException($"Could not start {dll}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class BenchmarkException(string message) : Exception(message);
