using ReformBot.Core.Departments;
using ReformBot.Core.Storage;
using ReformBot.Host.Contacts;
using ReformBot.Host.Messages;
using ReformBot.Host.Scheduling;

namespace ReformBot.Host.Bot.Commands;

/// <summary>
/// 催办 &lt;部门&gt; [附言] (office): remind one department's contacts now, with the office's note.
/// Answers at once with who is being reminded; the messages go out in the background and the office
/// member gets a summary of who got it when they are out.
/// </summary>
public sealed class ChaseCommand(ChaseRun chases, IPlanRepository plans, TextFormat format) : IChatCommand
{
    public string Id => CommandIds.Chase;

    public Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken)
    {
        var (name, note) = Split(argument);
        if (name.Length == 0) return turn.SayAsync(MessageKeys.Chase.Usage, cancellationToken);
        var directory = new DepartmentDirectory(plans.Departments());
        if (directory.Resolve(name) is not { } department)
            return turn.SayTextAsync(InviteTexts.UnknownDepartment(turn.Messages, format, name, directory.Suggest(name).Select(d => d.Name)), cancellationToken);

        var start = chases.ChaseDepartment(turn.RegisteredContact, department.Name, note);
        var text = start switch
        {
            { Targets.Count: > 0 } => turn.Messages.Format(MessageKeys.Chase.Started, department.Name, start.Targets.Count, format.List(start.Targets.Select(format.ContactName)))
                + (start.Unreachable.Count > 0 ? "\n" + turn.Messages.Format(MessageKeys.Reminder.RemindUnreachable, format.List(start.Unreachable.Select(format.ContactName))) : ""),
            { Unreachable.Count: > 0 } => turn.Messages.Format(MessageKeys.Chase.AllUnreachable, department.Name, format.List(start.Unreachable.Select(format.ContactName))),
            _ => turn.Messages.Format(MessageKeys.Chase.NoContact, department.Name),
        };
        return turn.SayTextAsync(text, cancellationToken);
    }

    /// <summary>The department is the first word; the note is the rest, as typed.</summary>
    private static (string Department, string? Note) Split(string argument)
    {
        var end = 0;
        while (end < argument.Length && !char.IsWhiteSpace(argument[end])) end++;
        var note = argument[end..].Trim();
        return (argument[..end], note.Length > 0 ? note : null);
    }
}
