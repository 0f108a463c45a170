using LiteDB;
using Microsoft.Bot.Schema;
using ReformBot.Host.Bot.PlanImports;
using ReformBot.Host.Storage;

namespace ReformBot.Host.WebChat;

/// <summary>
/// Files users upload in Web Chat, in the LiteDB file's own file storage. Each gets an unguessable
/// address, since a browser shows an image by its URL without the conversation's token.
/// </summary>
public sealed class AttachmentStore(LiteDbStore store) : IHostedUploads
{
    private const string Prefix = "webchat/";

    private const string Route = DirectLineEndpoints.PathBase + "/attachments/";

    /// <summary>Stores the file; returns its absolute URL under <paramref name="baseUrl"/>.</summary>
    public string Save(string conversationId, string fileName, string contentType, Stream content, string baseUrl)
    {
        var id = Secrets.New();
        var metadata = new BsonDocument { ["conversation"] = conversationId, ["contentType"] = contentType };
        store.Database.FileStorage.Upload(Prefix + id, Path.GetFileName(fileName), content, metadata);
        return $"{baseUrl}{DirectLineEndpoints.PathBase}/attachments/{id}";
    }

    /// <summary>GET attachments/{id}: the file, as an attachment unless it is an image (which Web Chat shows inline).</summary>
    public IResult Serve(string id)
    {
        if (id.Length > 100 || store.Database.FileStorage.FindById(Prefix + id) is not { } file) return Results.NotFound();
        var contentType = file.Metadata["contentType"].AsString ?? "application/octet-stream";
        var stream = new MemoryStream();
        file.CopyTo(stream);
        stream.Position = 0;
        var inline = contentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";
        return Results.File(stream, inline ? contentType : "application/octet-stream", inline ? null : file.Filename);
    }

    /// <summary>
    /// An upload of this channel's conversation, read from the store: its URL names the browser's address (a reverse
    /// proxy's https address), which the bot need not call. Only the conversation that uploaded a file may read it.
    /// </summary>
    public Download? Read(IActivity activity, Attachment attachment, int maxBytes)
    {
        if (activity.ChannelId != LocalConnector.ChannelId || !LocalConnector.IsOwn(activity.ServiceUrl)) return null;
        if (!Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var url)) return null;
        // Any host and any path before the route: the proxy decides what the browser sees.
        var at = url.AbsolutePath.LastIndexOf(Route, StringComparison.Ordinal);
        if (at < 0) return null;
        var id = url.AbsolutePath[(at + Route.Length)..];
        if (id.Length is 0 or > 100 || id.Contains('/') || store.Database.FileStorage.FindById(Prefix + id) is not { } file)
            return new Download(null, DownloadError.Failed);
        if (file.Metadata["conversation"].AsString != activity.Conversation?.Id) return new Download(null, DownloadError.NotAllowed);
        if (file.Length > maxBytes) return new Download(null, DownloadError.TooLarge);
        var bytes = new MemoryStream();
        file.CopyTo(bytes);
        return new Download(bytes.ToArray(), null);
    }
}
