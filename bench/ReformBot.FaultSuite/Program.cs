using System.Diagnostics;
using ReformBot.FaultSuite;

// Kill -9 under load: many conversations file reports over HTTP while the host process is killed right
// after a "已保存" reply and at random moments; at the end every acknowledged save must be in the store
// exactly once.
var options = SuiteOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: ReformBot.FaultSuite [--conversations N] [--tasks N] [--kills N] [--seed N] [--minutes N]");
    return 2;
}

var clock = Stopwatch.StartNew();
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(options.Minutes));
using var dir = new WorkDirectory();
await using var host = new HostProcess(dir.DatabasePath);
try
{
    await host.StartAsync(deadline.Token);
    var run = await KillRun.RunAsync(host, options, deadline.Token);

    // One more kill once everything is acknowledged: the figures are read from a host that died with them.
    await host.KillAndRestartAsync(deadline.Token);
    var stored = await StoredReports.ReadAsync(host, run.Period, deadline.Token);
    var result = Tally.Of(run, stored);

    Console.WriteLine();
    Console.WriteLine(result.Table(clock.Elapsed));
    Console.WriteLine();
    Console.WriteLine("Covered by tests/ReformBot.Host.Tests (dotnet test), not repeated here:");
    foreach (var line in Covered.Scenarios) Console.WriteLine("  " + line);
    return result.Passed ? 0 : 1;
}
catch (OperationCanceledException) when (deadline.IsCancellationRequested)
{
    Console.Error.WriteLine($"The suite did not finish within {options.Minutes} minutes.");
    return 1;
}
catch (SuiteException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
