namespace ReformBot.Host.Storage;

/// <summary>A conversation of the built-in Web Chat channel: whose it is and the next watermark.</summary>
internal sealed class DirectLineConversationDocument
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The watermark of the last activity stored; 0 before the first.</summary>
    public long LastWatermark { get; set; }
}

/// <summary>One activity of a conversation's transcript, as the Direct Line client receives it.</summary>
internal sealed class DirectLineActivityDocument
{
    /// <summary>"{conversation}|{watermark:D10}": the primary key orders a conversation's activities by watermark.</summary>
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public long Watermark { get; set; }
    /// <summary>The activity as JSON (the Bot Framework schema's own serializer).</summary>
    public string Json { get; set; } = "";
    /// <summary>UTC ticks, for the index that prunes old transcripts.</summary>
    public long CreatedAtTicks { get; set; }
}

/// <summary>A Direct Line token, stored by its hash only.</summary>
internal sealed class DirectLineTokenDocument
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string UserId { get; set; } = "";
    public long ExpiresAtTicks { get; set; }
}

/// <summary>A browser known by its cookie, stored by the cookie's hash only; deleting it signs the browser out.</summary>
internal sealed class WebChatBrowserDocument
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
