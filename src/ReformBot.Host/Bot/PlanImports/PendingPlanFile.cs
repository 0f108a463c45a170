using Microsoft.Bot.Schema;

namespace ReformBot.Host.Bot.PlanImports;

/// <summary>
/// The file of a preview waiting for 确认导入, kept in the conversation's state: the parsed plan lives in memory only,
/// so after a restart the file is read and previewed again rather than 确认导入 being lost.
/// </summary>
public sealed record PendingPlanFile(string? Name, string ContentUrl, string? ContentType)
{
    public static PendingPlanFile Of(Attachment attachment) => new(attachment.Name, attachment.ContentUrl, attachment.ContentType);

    public Attachment ToAttachment() => new(ContentType, ContentUrl, name: Name);
}
