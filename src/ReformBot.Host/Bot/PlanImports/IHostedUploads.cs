using Microsoft.Bot.Schema;

namespace ReformBot.Host.Bot.PlanImports;

/// <summary>
/// Files that a channel built into the host keeps itself (Web Chat's uploads). Their contentUrl names the address the
/// browser used, which the host may not reach or be allowed to call (<see cref="ServiceUrlPolicy"/>), so such a file is
/// read from the host's store, and only for the conversation it was uploaded in.
/// </summary>
public interface IHostedUploads
{
    /// <returns>Null when the attachment is not an upload the host holds; otherwise the file, or why it is not given.</returns>
    Download? Read(IActivity activity, Attachment attachment, int maxBytes);
}
