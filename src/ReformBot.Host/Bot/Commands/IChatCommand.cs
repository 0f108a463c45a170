namespace ReformBot.Host.Bot.Commands;

/// <summary>The code behind one command of dialogs/commands.yaml, found by <see cref="Id"/>.</summary>
public interface IChatCommand
{
    string Id { get; }

    /// <param name="argument">The text after the command word, trimmed; empty if none.</param>
    Task HandleAsync(ChatTurn turn, string argument, CancellationToken cancellationToken);
}
