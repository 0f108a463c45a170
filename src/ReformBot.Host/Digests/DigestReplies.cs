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
public sealed class DigestReplies(DigestMarkdown markdown, DigestChart chart, MessageCatalog messages)
{
    public IReadOnlyList<DigestReply> For(Digest digest)
    {
        var replies = markdown.Render(digest).Select(text => new DigestReply(Text(text), IsChart: false)).ToList();
        if (chart.Render(digest) is { } png)
            replies.Add(new DigestReply(Image(png, chart.FileName(digest)), IsChart: true));
        return replies;
    }

    /// <summary>
    /// The first screen of a digest, in chat and in the weekly digest alike: one phone screen of summary,
    /// then the chart. Its buttons (suggested actions, each sending its own text back) ask for the
    /// detail (<c>周报 详细</c> followed by <paramref name="detailArgument"/>) and, for the office, 催办 the
    /// first red departments.
    /// </summary>
    public IReadOnlyList<DigestReply> FirstScreenFor(Digest digest, bool forOffice, string detailArgument = "")
    {
        var detailButton = messages[MessageKeys.Digest.DetailButton] + (detailArgument.Length > 0 ? " " + detailArgument : "");
        IEnumerable<string> buttons = forOffice
            ? ChaseButtons(DigestMarkdown.RedDepartments(digest).Select(d => d.Department), messages).Prepend(detailButton)
            : [detailButton];
        var summary = Text(markdown.RenderSummary(digest, forOffice));
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
