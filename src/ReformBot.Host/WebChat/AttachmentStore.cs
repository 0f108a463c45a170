using LiteDB;
using ReformBot.Host.Storage;

namespace ReformBot.Host.WebChat;

/// <summary>
/// Files users upload in Web Chat, in the LiteDB file's own file storage. Each gets an unguessable
/// address, since a browser shows an image by its URL without the conversation's token.
/// </summary>
public sealed class AttachmentStore(LiteDbStore store)
{
    private const string Prefix = "webchat/";

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
}
