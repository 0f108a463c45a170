using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReformBot.Core.Digests;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Digests;

/// <summary>
/// A digest as the chat messages that carry it: its Markdown texts (<see cref="DigestMarkdown"/>), then
/// its chart (<see cref="DigestChart"/>) as a message of its own with the PNG inline (a data URI, which
/// Web Chat and the Emulator show). Without a CJK font there is no chart, and only the texts go.
/// </summary>
public sealed class DigestReplies(DigestMarkdown markdown, DigestChart chart)
{
    public IReadOnlyList<DigestReply> For(Digest digest)
    {
        var replies = markdown.Render(digest).Select(text => new DigestReply(Text(text), IsChart: false)).ToList();
        if (chart.Render(digest) is { } png)
            replies.Add(new DigestReply(Image(png, chart.FileName(digest)), IsChart: true));
        return replies;
    }

    /// <summary>
    /// The first of 周报: one phone screen of summary with <paramref name="buttons"/> as suggested
    /// actions (each sends its own text back), then the chart.
    /// </summary>
    public IReadOnlyList<DigestReply> SummaryFor(Digest digest, IReadOnlyList<string> buttons, bool forOffice)
    {
        var summary = Text(markdown.RenderSummary(digest, forOffice));
        if (buttons.Count > 0)
            summary.SuggestedActions = new SuggestedActions { Actions = buttons.Select(b => new CardAction(ActionTypes.ImBack, b, value: b)).ToList() };
        var replies = new List<DigestReply> { new(summary, IsChart: false) };
        if (chart.Render(digest) is { } png)
            replies.Add(new DigestReply(Image(png, chart.FileName(digest)), IsChart: true));
        return replies;
    }

    /// <summary>催办 buttons for the first red departments, for the office.</summary>
    public static IEnumerable<string> ChaseButtons(IEnumerable<string> departments, MessageCatalog messages) =>
        departments.Take(MaxChaseButtons).Select(d => messages.Format(MessageKeys.Digest.ChaseButton, d));

    /// <summary>Buttons beyond a few crowd a phone screen.</summary>
    public const int MaxChaseButtons = 3;

    /// <summary>A message of Markdown text.</summary>
    public static IMessageActivity Text(string markdown)
    {
        var activity = MessageFactory.Text(markdown);
        activity.TextFormat = TextFormatTypes.Markdown;
        return activity;
    }

    /// <summary>A message whose only content is the PNG, inline as a data URI.</summary>
    public static IMessageActivity Image(byte[] png, string name) =>
        MessageFactory.Attachment(new Attachment(DigestChart.ContentType, $"data:{DigestChart.ContentType};base64,{Convert.ToBase64String(png)}", name: name));
}

/// <param name="IsChart">The chart's message: the digest has been told without it, so losing it loses no information.</param>
public sealed record DigestReply(IMessageActivity Activity, bool IsChart);
