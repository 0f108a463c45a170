namespace ReformBot.Host.Dialogs;

/// <summary>
/// What the code that runs a dialog relies on in its file: the actions it handles, the answers it
/// reads and the choice values it understands. The loader holds each dialog file to its contract,
/// so a misspelt action or save name stops the host at start instead of leaving a user unanswered.
/// </summary>
/// <param name="Actions">The actions the caller runs; <see cref="DialogEngine.HelpAction"/> the engine runs itself.</param>
/// <param name="Saves">Exactly the save names the dialog's steps use.</param>
/// <param name="ChoiceValues">For some save names, exactly the values the choices saving them may give.</param>
public sealed record DialogContract(
    string DialogId,
    IReadOnlySet<string> Actions,
    IReadOnlySet<string> Saves,
    IReadOnlyDictionary<string, IReadOnlySet<string>>? ChoiceValues = null);
