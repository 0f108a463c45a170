using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Bot.Schema;
using ReformBot.Core.Plans;
using ReformBot.Core.Storage;
using ReformBot.Host.Messages;
using ReformBot.Host.PlanFiles;
using ReformBot.Host.Seeding;

namespace ReformBot.Host.Bot.PlanImports;

/// <summary>
/// The office imports a plan in a one-to-one chat: the file is read as <c>import</c> reads it, the bot answers with a
/// short preview, and only 确认导入 writes — exactly what was previewed. Until then the parsed plan waits here, by
/// conversation, and the file's address in the conversation's state: after a restart 确认导入 reads the file again and
/// shows its preview once more, since what was shown before can no longer be compared.
/// </summary>
public sealed class PlanImportChat(
    PlanAttachment attachments, IPlanRepository plans, MessageCatalog m, TextFormat format, ILogger<PlanImportChat> logger)
{
    private const int WarningsShown = 3;
    private const int DepartmentsShown = 5;

    private readonly ConcurrentDictionary<string, Pending> _pending = new();

    /// <summary>A plan read from a file and previewed, waiting for 确认导入.</summary>
    private sealed record Pending(string FileHash, string FileName, PendingPlanFile File, PlanDocument Document, PlanImport Import);

    /// <summary>Reads the attached file and answers with its preview; the office's 导入 and a file sent alone come here.</summary>
    public async Task PreviewAsync(ChatTurn turn, Attachment attachment, CancellationToken cancellationToken)
    {
        _pending.TryRemove(KeyOf(turn), out _);
        turn.Conversation.PendingImport = null;
        var name = Path.GetFileName(attachment.Name ?? "") is { Length: > 0 } given ? given : m[MessageKeys.Import.ChatUnnamedFile];
        // Web Chat sends all the files chosen at once in one message: say which one is read, not leave the others unmentioned.
        if (PlanAttachment.Files(turn.Context.Activity).Count() is var files and > 1)
            await turn.SayAsync(MessageKeys.Import.ChatOnlyFirst, cancellationToken, files, name);

        var download = await attachments.DownloadAsync(turn.Context.Activity, attachment, cancellationToken);
        if (download.Bytes is not { } bytes)
        {
            if (download.Error == DownloadError.NotAllowed)
                logger.LogWarning("A plan attachment at {Url} was not fetched: the address is not allowed.", ServiceUrlPolicy.ForLog(attachment.ContentUrl));
            var reason = download.Error switch
            {
                DownloadError.NotAllowed => m[MessageKeys.Import.ChatNotAllowed],
                DownloadError.TooLarge => m.Format(MessageKeys.Import.ChatTooLarge, PlanAttachment.MaxBytes / 1024 / 1024),
                _ => m[MessageKeys.Import.ChatDownloadFailed],
            };
            await turn.SayAsync(MessageKeys.Import.Error, cancellationToken, $"{name}：{reason}");
            return;
        }

        var explain = new PlanFileMessages(m, format);
        PlanDocument document;
        try
        {
            document = PlanFileReader.Read(bytes, name);
        }
        catch (PlanFileException e)
        {
            await turn.SayAsync(MessageKeys.Import.Error, cancellationToken, $"{name}：{explain.Reason(e)}");
            return;
        }
        ImportPreview preview;
        try
        {
            preview = new PlanImporter(plans).Preview(document, dryRun: true);
        }
        catch (PlanFormatException e)
        {
            await turn.SayAsync(MessageKeys.Import.Error, cancellationToken, $"{name}（{explain.Kind(document)}）：{explain.Reason(document, e.Error)}");
            return;
        }
        await ShowAsync(turn, new Pending(Convert.ToHexString(SHA256.HashData(bytes)), name, PendingPlanFile.Of(attachment), document, preview.Import), preview, cancellationToken);
    }

    /// <summary>确认导入 or 取消 while an import of this conversation waits; false for any other text.</summary>
    public async Task<bool> TryAnswerAsync(ChatTurn turn, string text, CancellationToken cancellationToken)
    {
        var confirm = text == m[MessageKeys.Import.ChatConfirmButton];
        var cancel = text == m[MessageKeys.Import.ChatCancelButton];
        // Only the office imports: a member removed since the preview confirms nothing.
        if ((!confirm && !cancel) || turn.Contact?.IsOffice != true) return false;
        var kept = turn.Conversation.PendingImport;
        turn.Conversation.PendingImport = null;
        if (!_pending.TryRemove(KeyOf(turn), out var pending))
        {
            if (kept is not null && confirm)
            {
                await turn.SayAsync(MessageKeys.Import.ChatRestarted, cancellationToken);
                await PreviewAsync(turn, kept.ToAttachment(), cancellationToken);
                return true;
            }
            if (kept is not null)
            {
                await turn.SayAsync(MessageKeys.Import.ChatCancelled, cancellationToken);
                return true;
            }
            // 取消 belongs to other dialogs too; 确认导入 only to this one.
            if (!confirm) return false;
            await turn.SayAsync(MessageKeys.Import.ChatNothingPending, cancellationToken);
            return true;
        }
        if (cancel)
        {
            await turn.SayAsync(MessageKeys.Import.ChatCancelled, cancellationToken);
            return true;
        }

        // The plan or the departments may have changed since the preview (an import from the command line, another
        // office member): then what would be written is not what was shown.
        var fresh = new PlanImporter(plans).Preview(pending.Document, dryRun: true);
        if (!SameImport(pending.Import, fresh.Import))
        {
            await turn.SayAsync(MessageKeys.Import.ChatChangedSince, cancellationToken);
            await ShowAsync(turn, pending with { Import = fresh.Import }, fresh, cancellationToken);
            return true;
        }
        plans.Apply(fresh.Import);
        logger.LogInformation("Plan imported in chat by {Contact} from {File} (SHA-256 {Hash}): {Added} added, {Changed} changed, {Removed} removed.",
            turn.Contact?.Id, pending.FileName, pending.FileHash, fresh.Import.Added.Count, fresh.Import.Changed.Count, fresh.Import.Removed.Count);
        var import = fresh.Import;
        await turn.SayAsync(MessageKeys.Import.ChatDone, cancellationToken, import.Tasks.Count, import.Added.Count, import.Changed.Count, import.Removed.Count);
        return true;
    }

    private async Task ShowAsync(ChatTurn turn, Pending pending, ImportPreview preview, CancellationToken cancellationToken)
    {
        var import = preview.Import;
        if (!import.HasChanges)
        {
            await turn.SayTextAsync($"{pending.FileName}：{m[MessageKeys.Import.Nothing]}", cancellationToken);
            return;
        }
        // Tasks that would go are said first, before the counts, so that a file holding part of the plan is noticed.
        var lines = new ImportPreviewText(m, format).Removal(preview).ToList();
        lines.Add(m.Format(MessageKeys.Import.ChatPreview, pending.FileName, import.Tasks.Count, import.Added.Count, import.Changed.Count, import.Removed.Count));
        if (import.NewDepartments.Count > 0)
        {
            var names = format.List(import.NewDepartments.Take(DepartmentsShown).Select(d => d.Name));
            lines.Add(m.Format(MessageKeys.Import.ChatNewDepartments, import.NewDepartments.Count, names + (import.NewDepartments.Count > DepartmentsShown ? "…" : "")));
        }
        if (preview.WarningCount > 0)
        {
            lines.Add(m.Format(MessageKeys.Import.ChatWarnings, preview.WarningCount));
            var warnings = preview.Tasks.SelectMany(t => t.Warnings.Select(w => (t.Task.Label, w))).Take(WarningsShown);
            foreach (var (number, warning) in warnings)
                lines.Add(m.Format(MessageKeys.Import.ChatWarning, format.TaskReference(number), m.Format(MessageKeys.Import.WarningPrefix + warning.Kind, warning.Detail).Trim()));
        }
        lines.Add(m[MessageKeys.Import.ChatAsk]);
        _pending[KeyOf(turn)] = pending;
        turn.Conversation.PendingImport = pending.File;
        await turn.SayTextAsync(string.Join("\n", lines), [m[MessageKeys.Import.ChatConfirmButton], m[MessageKeys.Import.ChatCancelButton]], cancellationToken);
    }

    private static bool SameImport(PlanImport a, PlanImport b) =>
        a.Tasks.Count == b.Tasks.Count && a.Tasks.Zip(b.Tasks).All(p => p.First.SameAs(p.Second))
        && a.Added.Select(t => t.Number).SequenceEqual(b.Added.Select(t => t.Number))
        && a.Changed.Select(c => c.After.Number).SequenceEqual(b.Changed.Select(c => c.After.Number))
        && a.Removed.Select(t => t.Number).SequenceEqual(b.Removed.Select(t => t.Number))
        && a.NewDepartments.Select(d => d.Name).SequenceEqual(b.NewDepartments.Select(d => d.Name));

    private static string KeyOf(ChatTurn turn) =>
        $"{turn.Context.Activity.ChannelId}\n{turn.Context.Activity.Conversation?.Id}";
}
