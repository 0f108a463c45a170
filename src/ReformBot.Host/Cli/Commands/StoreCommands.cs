using System.CommandLine;
using Microsoft.Extensions.Options;
using ReformBot.Host.Configuration;
using ReformBot.Host.Messages;
using ReformBot.Host.Storage;

namespace ReformBot.Host.Cli.Commands;

/// <summary>The database itself: backup, restore.</summary>
internal sealed class StoreCommands(CliContext context)
{
    public const string RestoreName = "restore";

    private MessageCatalog M => context.Messages;

    public static IEnumerable<Command> Create(MessageCatalog m)
    {
        var backupOut = new Option<string>("--out") { Description = m[MessageKeys.Cli.BackupOut], Required = true };
        var backup = new Command("backup", m[MessageKeys.Cli.Backup]) { backupOut };
        backup.SetAction(r => For(r).Backup(r.GetValue(backupOut)!));
        yield return backup;

        var restoreFile = new Argument<string>("file") { Description = m[MessageKeys.Cli.RestoreFile] };
        var restore = new Command(RestoreName, m[MessageKeys.Cli.Restore]) { restoreFile };
        restore.SetAction(r => For(r).Restore(r.GetValue(restoreFile)!));
        yield return restore;
    }

    private static StoreCommands For(ParseResult parsed) => new(CliContext.Of(parsed));

    /// <summary>A consistent copy, made by whoever has the database open: the running host or this process.</summary>
    private int Backup(string output)
    {
        var path = Path.GetFullPath(output, context.WorkingDirectory);
        var store = context.Get<LiteDbStore>();
        try
        {
            store.CopyTo(path);
            LiteDbStore.Verify(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.BackupFailed, path, e.Message));
            return 1;
        }
        context.Output.WriteLine(M.Format(MessageKeys.Cli.BackupDone, path, new FileInfo(path).Length));
        return 0;
    }

    /// <summary>Only with no host on the database: the backup is checked before anything is replaced.</summary>
    private int Restore(string file)
    {
        var database = context.Get<IOptions<ReformBotOptions>>().Value.Database;
        if (context.InHost)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.RestoreHostRunning, Path.GetFullPath(database)));
            return 1;
        }
        var backup = Path.GetFullPath(file, context.WorkingDirectory);
        if (!File.Exists(backup))
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.FileNotFound, backup));
            return 1;
        }
        try
        {
            var kept = LiteDbStore.Restore(database, backup, context.Get<TimeProvider>().GetUtcNow());
            context.Output.WriteLine(M.Format(MessageKeys.Cli.RestoreDone, Path.GetFullPath(database), backup));
            if (kept is not null) context.Output.WriteLine(M.Format(MessageKeys.Cli.RestoreKept, kept));
            return 0;
        }
        catch (StoreUnavailableException e) when (e.DatabasePath != Path.GetFullPath(database))
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.RestoreBad, backup, e.Detail));
            return 1;
        }
        catch (DatabaseInUseException)
        {
            context.Error.WriteLine(M.Format(MessageKeys.Cli.RestoreHostRunning, Path.GetFullPath(database)));
            return 1;
        }
    }
}
