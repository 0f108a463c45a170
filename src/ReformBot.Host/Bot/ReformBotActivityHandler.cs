using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReformBot.Core.Storage;
using ReformBot.Host.Bot.Commands;
using ReformBot.Host.Bot.PlanImports;
using ReformBot.Host.Bot.Reporting;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot;

/// <summary>
/// The bot: reads each message as a command (dialogs/commands.yaml) or, while a report is in
/// progress, as the answer to the current question. State is saved at the end of every turn.
/// </summary>
public sealed partial class ReformBotActivityHandler(
    ConversationState conversationState,
    CommandCatalog commands,
    CommandSuggestions suggestions,
    IEnumerable<IChatCommand> handlers,
    IContactRepository contacts,
    ReportConversation reporting,
    PlanImportChat planImports,
    MessageCatalog messages) : ActivityHandler
{
    /// <summary>Longer messages are refused before anything reads them.</summary>
    public const int MaxMessageLength = 10_000;

    private readonly IStatePropertyAccessor<ConversationData> _conversationData =
        conversationState.CreateProperty<ConversationData>(nameof(ConversationData));

    private readonly Dictionary<string, IChatCommand> _handlers = HandlersFor(commands, handlers);

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        CleanTypedText(turnContext.Activity);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var inGroup = activity.Conversation?.IsGroup == true;
        // In a group the bot speaks only when spoken to, and reads the text without its @mention.
        if (inGroup && !MentionsBot(activity)) return;
        if (inGroup) activity.RemoveRecipientMention();

        var text = activity.Text?.Trim() ?? "";
        if (text.Length > MaxMessageLength)
        {
            await turnContext.SendActivityAsync(messages.Format(MessageKeys.Bot.TooLong, MaxMessageLength), cancellationToken: cancellationToken);
            return;
        }

        var data = await _conversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        var contact = activity.From?.Id is { } userId
            ? contacts.FindByUser(activity.ChannelId, userId)
            : null;
        var turn = new ChatTurn(turnContext, contact, data, messages);

        // A report card's submit carries its answers in the value, not the text.
        if (ReportCard.Read(activity.Value) is { } card)
        {
            if (inGroup) await turn.SayAsync(MessageKeys.Bot.OneToOneOnly, cancellationToken, commands.Commands.First(c => c.Id == CommandIds.Report).Words[0]);
            else await reporting.SubmitCardAsync(turn, card, cancellationToken);
            return;
        }

        var match = commands.Match(text);
        var answering = data.Report is { Paused: false, Draft: not null } report && report.OwnedBy(activity.From?.Id);
        if (PlanAttachment.Find(activity) is { } file)
        {
            // A file is never an answer to a report's question, and none is read in the middle of one: the answer
            // says so and asks the question again, with the draft as it was.
            if (answering)
            {
                await turn.SayAsync(contact?.IsOffice == true ? MessageKeys.Import.ChatFileInReportOffice : MessageKeys.Import.ChatFileInReport, cancellationToken);
                await reporting.RepeatQuestionAsync(turn, cancellationToken);
                return;
            }
            // A file sent alone is the office's 导入 in a one-to-one chat; nobody else's file is read.
            if (text.Length == 0)
            {
                if (contact?.IsOffice != true) await turn.SayAsync(MessageKeys.Import.ChatContactFile, cancellationToken);
                else if (inGroup) await turn.SayAsync(MessageKeys.Import.ChatInGroup, cancellationToken);
                else await planImports.PreviewAsync(turn, file, cancellationToken);
                return;
            }
        }

        // While a report is in progress, its owner's messages answer its questions, except a command's exact
        // words (我的任务, 任务 5, 汇报 5) and slash commands: those are answered, then the question is asked again.
        if (answering && !(match is not null && (IsSlashCommand(text, match) || IsExactCommand(match)) && !reporting.IsDialogWord(data.Report!, text)))
        {
            await reporting.ContinueAsync(turn, text, cancellationToken);
            return;
        }
        if (match is null && await reporting.TryAnswerRepeatedConfirmAsync(turn, text, cancellationToken)) return;
        if (match is null && await planImports.TryAnswerAsync(turn, text, cancellationToken)) return;
        // A near miss (帮组, 我要汇报, 汇报 第9项) is asked about, with the likely command as a button.
        if (suggestions.For(text, match, contact) is { } suggestion)
        {
            await turn.SayTextAsync(messages.Format(MessageKeys.Bot.DidYouMean, suggestion), [suggestion], cancellationToken);
            return;
        }
        if (match is null)
        {
            await turn.SayAsync(MessageKeys.Bot.Unknown, cancellationToken);
            return;
        }
        if (match.Command.Office && contact?.IsOffice != true)
        {
            await turn.SayAsync(MessageKeys.Bot.OfficeOnly, cancellationToken, match.Command.Usage);
            return;
        }
        if (match.Command.Contact && contact is null)
        {
            await turn.SayAsync(MessageKeys.Report.NotRegistered, cancellationToken);
            return;
        }
        if (match.Command.OneToOne && inGroup)
        {
            // 导入 is refused for its own reason: it changes the plan for everyone, not one department's data.
            if (match.Command.Id == CommandIds.Import) await turn.SayAsync(MessageKeys.Import.ChatInGroup, cancellationToken);
            else await turn.SayAsync(MessageKeys.Bot.OneToOneOnly, cancellationToken, match.Command.Words[0]);
            return;
        }
        await _handlers[match.Command.Id].HandleAsync(turn, match.Argument, cancellationToken);
        // 汇报 itself shows the question it resumes or starts.
        if (answering && match.Command.Id != CommandIds.Report && data.Report is { Paused: false, Draft: not null })
            await reporting.RepeatQuestionAsync(turn, cancellationToken);
    }

    /// <summary>What people typed (the message, the name they chose) is cleaned before anything reads or stores it.</summary>
    private static void CleanTypedText(Activity activity)
    {
        if (activity.Text is { } text) activity.Text = TypedText.Clean(text, multiline: true);
        if (activity.From?.Name is { } name) activity.From.Name = TypedText.Clean(name, multiline: false);
    }

    /// <summary>A command's word alone, or with a task number (任务 5, 任务 3.2, 汇报 73 科技厅): never an answer to a question.</summary>
    private static bool IsExactCommand(CommandMatch match) =>
        ExactArgument().IsMatch(match.Argument.Split('\n', 2)[0].Trim());

    [System.Text.RegularExpressions.GeneratedRegex(@"^((?:\d{1,4}(?:[.．]\d{1,4}){0,3}|[（(]?[一二三四五六七八九十]{1,3}[）)]?)(\s+\S{1,20})?)?$")]
    private static partial System.Text.RegularExpressions.Regex ExactArgument();

    private static bool MentionsBot(IMessageActivity activity) =>
        activity.Recipient?.Id is { Length: > 0 } botId && activity.GetMentions().Any(m => m.Mentioned?.Id == botId);

    private static bool IsSlashCommand(string text, CommandMatch? match) =>
        match is not null && text.Normalize(System.Text.NormalizationForm.FormKC).TrimStart().StartsWith('/') && match.Command.Id != CommandIds.Help;

    private static Dictionary<string, IChatCommand> HandlersFor(CommandCatalog commands, IEnumerable<IChatCommand> handlers)
    {
        var byId = handlers.ToDictionary(h => h.Id);
        var missing = commands.Commands.Select(c => c.Id).Where(id => !byId.ContainsKey(id)).ToList();
        return missing.Count == 0 ? byId : throw new InvalidOperationException($"No handler for commands: {string.Join(", ", missing)}.");
    }

    /// <summary>
    /// One welcome at most per update, never one per member: when someone joins a one-to-one
    /// conversation with the bot, or when the bot itself is added to a group (a team of 2,000 people
    /// joining must not make 2,000 messages).
    /// </summary>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        var welcome = turnContext.Activity.Conversation?.IsGroup == true
            ? membersAdded.Any(m => m.Id == botId)
            : membersAdded.Any(m => m.Id != botId);
        if (welcome) await turnContext.SendActivityAsync(messages[MessageKeys.Bot.Welcome], cancellationToken: cancellationToken);
    }
}
