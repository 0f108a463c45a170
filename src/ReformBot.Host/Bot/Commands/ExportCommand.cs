using ReformBot.Core.Storage;
using ReformBot.Host.Digests;
using ReformBot.Host.Downloads;
using ReformBot.Host.Messages;
using ReformBot.Host.Periods;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 导出 [部门|季度]: a download link for the ledger (.xlsx). The office may export the whole plan or any
/// department; a department contact only their own departments. Only in a one-to-one conversation,
/// since whoever has the link can download it until it expires.
/// </summary>
public sealed class ExportCommand(DownloadService downloads, IPlanRepository plans, ReportingPeriods periods, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Export;

    public async Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var contact = turn.RegisteredContact;
        if (turn.Context.Activity.Conversation?.IsGroup == true)
        {
            await turn.SayAsync(MessageKeys.Export.InGroup, cancellationToken);
            return;
        }

        var (period, department, unknown) = PeriodOrDepartment.Parse(argument, plans.Departments());
        if (unknown is not null)
        {
            await turn.SayAsync(MessageKeys.Export.UnknownArgument, cancellationToken, unknown);
            return;
        }
        IReadOnlyList<string>? departments = department is null ? null : [department];
        if (!contact.IsOffice) departments ??= contact.Departments;
        if (!DownloadService.Entitled(contact, departments))
        {
            await turn.SayAsync(MessageKeys.Export.NotYours, cancellationToken, format.List(contact.Departments));
            return;
        }

        var quarter = period ?? periods.Current();
        var link = downloads.Create(contact, quarter, departments);
        var m = turn.Messages;
        await turn.Context.SendActivityAsync(DigestReplies.Text(m.Format(MessageKeys.Export.Link,
            format.Period(quarter),
            departments is null ? m[MessageKeys.Export.ScopeAll] : DigestMarkdown.Escape(format.List(departments)),
            DigestMarkdown.Escape(link.Url), link.Url,
            format.LocalTime(link.Download.ExpiresAt))), cancellationToken);
    }
}
