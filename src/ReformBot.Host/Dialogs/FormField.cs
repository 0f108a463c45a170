namespace ReformBot.Host.Dialogs;

/// <summary>
/// One answer of a dialog shown as a field of a form (e.g. an Adaptive Card): the step that asks it,
/// what it holds now as the user would type it (a choice's label, links one after another), and the
/// labels of its choices.
/// </summary>
public sealed record FormField(StepDefinition Step, string Value, IReadOnlyList<string> Choices)
{
    public string Name => Step.Save!;
}
