using ReformBot.Host.Bot.Reporting;

namespace ReformBot.Host.Bot.Commands;

/// <summary>汇报 [任务号 [部门]]</summary>
public sealed class ReportCommand(ReportConversation conversation) : IChatCommand
{
    public string Id => CommandIds.Report;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken) =>
        conversation.StartAsync(turn, argument, cancellationToken);
}
