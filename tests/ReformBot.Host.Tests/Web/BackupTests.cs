using System.Collections.Concurrent;
using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using ReformBot.Core.Periods;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Host.Backups;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Web;

/// <summary>backup while the host runs and saves, restore with the host stopped, the daily copies.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class BackupTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_backup_under_load_restored_holds_every_report_acknowledged_before_it()
    {
        var backup = _dir.File("backup.db");
        var acknowledgedBefore = new List<ReportRevision>();
        await using (var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath)))
        {
            var reports = host.Services.GetRequiredService<IReportRepository>();
            var acknowledged = new ConcurrentQueue<ReportRevision>();
            using var stop = new CancellationTokenSource();
            // Writers on threads of their own: four busy loops on pool threads would starve the pool that
            // answers the command-line tool's requests, which is a test artefact, not load on the store.
            var writers = Enumerable.Range(1, 4).Select(w => Task.Factory.StartNew(() =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                    acknowledged.Enqueue(reports.Append(new ReportKey(w, "科技厅", new Quarter(2026, 4)),
                        new ReportContent(ReportStatus.OnTrack, $"写入者{w}第{i}稿", "无", "继续", null, []), $"contact-{w}", At, late: false));
            }, TaskCreationOptions.LongRunning)).ToList();
            while (acknowledged.Count < 20) await Task.Delay(10);

            acknowledgedBefore.AddRange(acknowledged);
            var run = CliRun.Of("backup", "--out", backup, "--db", _dir.DatabasePath);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            Assert.True(run.ExitCode == 0, $"backup exited {run.ExitCode}: {run.Error}");
            Assert.Contains("已备份到", run.Output);
            Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(backup));
            Assert.True(acknowledged.Count > acknowledgedBefore.Count, "saving went on during the backup");

            var refused = CliRun.Of("restore", backup, "--db", _dir.DatabasePath);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("请先停止服务", refused.Error);
        }

        var restore = CliRun.Of("restore", backup, "--db", _dir.DatabasePath);

        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("原数据库已另存为", restore.Output);
        using var store = new TestStore(_dir.DatabasePath);
        var restored = store.Reports.All().Select(r => (r.Key, r.Revision, r.Content.Progress)).ToHashSet();
        Assert.All(acknowledgedBefore, r => Assert.Contains((r.Key, r.Revision, r.Content.Progress), restored));
    }

    [Fact]
    public void A_damaged_backup_is_refused_and_the_database_is_left_as_it_was()
    {
        var database = File.ReadAllBytes(TemplateDatabase.CopyTo(_dir.DatabasePath));
        var damaged = _dir.File("damaged.db");
        File.WriteAllBytes(damaged, database[..(database.Length / 2 + 100)]);

        var run = CliRun.Of("restore", damaged, "--db", _dir.DatabasePath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"备份文件 {damaged} 不可用", run.Error);
        Assert.Equal(database, File.ReadAllBytes(_dir.DatabasePath));
    }

    [Fact]
    public async Task The_host_keeps_one_copy_a_day_and_removes_the_oldest_beyond_the_number_kept()
    {
        var backups = Path.Combine(_dir.Path, "backups");
        Directory.CreateDirectory(backups);
        foreach (var day in new[] { "2026-11-01", "2026-11-02", "2026-11-03" }) File.WriteAllBytes(Path.Combine(backups, $"reformbot-{day}.db"), [1]);

        await using var host = await RunningHost.StartAsync(TemplateDatabase.CopyTo(_dir.DatabasePath),
            b => b.Configuration["ReformBot:Backups:Keep"] = "2");
        var today = host.Services.GetRequiredService<DailyBackups>().TakeIfDue() ?? Path.Combine(backups, $"reformbot-{DateTime.UtcNow:yyyy-MM-dd}.db");

        Assert.Equal([Path.Combine(backups, "reformbot-2026-11-03.db"), today], Directory.GetFiles(backups).Order(StringComparer.Ordinal));
        LiteDbStore.Verify(today);
    }
}
