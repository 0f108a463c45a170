using ReformBot.Host.Bot.PlanImports;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>导入 with a plan file attached (office, one-to-one): a preview of what the plan changes, written on 确认导入.</summary>
public sealed class ImportCommand(PlanImportChat imports) : IChatCommand
{
    public string Id => CommandIds.Import;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken) =>
        PlanAttachment.Find(turn.Context.Activity) is { } attachment
            ? imports.PreviewAsync(turn, attachment, cancellationToken)
            : turn.SayAsync(MessageKeys.Import.ChatNoFile, cancellationToken);
}
