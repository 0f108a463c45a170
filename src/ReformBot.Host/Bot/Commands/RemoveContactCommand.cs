using ReformBot.Host.Contacts;

namespace ReformBot.Host.Bot.Commands;

/// <summary>移除联络员 &lt;名字或编号&gt; [部门] (office): takes a contact out of a department, or removes them.</summary>
public sealed class RemoveContactCommand(ContactRemoval removal) : IChatCommand
{
    public string Id => CommandIds.RemoveContact;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var words = argument.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outcome = removal.Remove(words.Length > 0 ? words[0] : "", words.Length > 1 ? words[1] : null, turn.RegisteredContact.Id);
        return turn.SayTextAsync(outcome.Text, cancellationToken);
    }
}
