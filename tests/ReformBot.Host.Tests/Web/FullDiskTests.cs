using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ReformBot.Host.Messages;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Bot.Http;
using ReformBot.Host.Tests.Support;
using Xunit.Abstractions;

namespace ReformBot.Host.Tests.Web;

/// <summary>
/// A real full disk: the database on a small tmpfs, filled up while the host runs, then freed. Mounting needs
/// root; where the machine does not allow it the test says so in its output and checks nothing.
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _mount = Path.Combine(Path.GetTempPath(), "reformbot-fulldisk-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_mount))
        {
            Run("umount", "-l", _mount);
            Directory.Delete(_mount, recursive: true);
        }
    }

    [Fact]
    public async Task Saving_fails_while_the_disk_is_full_and_works_again_without_a_restart_once_space_returns()
    {
        Directory.CreateDirectory(_mount);
        if (!OperatingSystem.IsLinux() || Run("mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", _mount) != 0)
        {
            output.WriteLine("Not run: mounting a tmpfs needs Linux and root.");
            return;
        }
        var database = TemplateDatabase.CopyTo(Path.Combine(_mount, "reformbot.db"));
        var host = await RunningHost.StartAsync(database);
        Assert.Equal(0, CliRun.Of("admin-invite", "--db", database).ExitCode);

        var filler = Path.Combine(_mount, "filler");
        using (var fill = File.Create(filler))
        {
            try { while (true) { fill.Write(new byte[64 * 1024]); fill.Flush(); } }
            catch (IOException) { /* the disk is full */ }
        }

        var failed = 0;
        for (var i = 0; i < 5; i++) failed += CliRun.Of("admin-invite", "--db", database).ExitCode != 0 ? 1 : 0;
        Assert.True(failed > 0, "a write on a full disk failed");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Http.GetAsync("/health")).StatusCode);
        // A person writing meanwhile is told that nothing of this message was saved and what was filled in is kept.
        Assert.Equal(TestFiles.Messages[MessageKeys.Bot.StoreFailed], (await host.Http.SayAsync("c-full-disk", "汇报"))[^1]);

        File.Delete(filler);

        var again = CliRun.Of("admin-invite", "--json", "--db", database);
        Assert.Equal(0, again.ExitCode);
        Assert.NotNull(JsonDocument.Parse(again.Output).RootElement.GetProperty("code").GetString());
        Assert.Equal(0, CliRun.Of("admin-invite", "--db", database).ExitCode);
        var health = await host.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await host.DisposeAsync();

        // The transactions that failed on the full disk must not take the process down when collected.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Fact]
    public void A_database_on_a_read_only_file_system_is_refused_at_open_and_left_as_it_was()
    {
        Directory.CreateDirectory(_mount);
        if (!OperatingSystem.IsLinux() || Run("mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", _mount) != 0)
        {
            output.WriteLine("Not run: mounting a tmpfs needs Linux and root.");
            return;
        }
        var database = TemplateDatabase.CopyTo(Path.Combine(_mount, "reformbot.db"));
        var before = File.ReadAllBytes(database);
        // Root writes through file modes, so only a read-only file system shows what an office's read-only share does.
        Assert.Equal(0, Run("mount", "-o", "remount,ro", _mount));

        var refused = Assert.Throws<StoreUnavailableException>(() => new LiteDbStore(database));

        Assert.Equal(StoreProblem.ReadOnly, refused.Problem);
        Assert.Equal(database, refused.DatabasePath);
        Assert.Equal(before, File.ReadAllBytes(database));
    }

    private static int Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
