using System.Text;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Commands;

/// <summary>帮助: the commands this user may use, one a line: someone not registered sees how to register, a contact the contact commands, the office everything.</summary>
public sealed class HelpCommand(CommandCatalog catalog) : IChatCommand
{
    public string Id => CommandIds.Help;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken) =>
        turn.SayTextAsync(Text(turn), cancellationToken);

    public string Text(ChatTurn turn)
    {
        var isOffice = turn.Contact?.IsOffice == true;
        var text = new StringBuilder(turn.Messages[MessageKeys.Bot.HelpHeader]);
        var registered = turn.Contact is not null;
        foreach (var command in catalog.Commands.Where(c => (isOffice || !c.Office) && (registered || !c.Contact)))
            text.Append('\n').Append(turn.Messages.Format(MessageKeys.Bot.HelpLine, command.Usage, command.Alias, command.Summary));
        return text.ToString();
    }
}
