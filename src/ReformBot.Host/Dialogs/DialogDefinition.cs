namespace ReformBot.Host.Dialogs;

/// <summary>
/// A conversation defined as data (a YAML file under dialogs/): steps that each ask one question,
/// words that work at every step, and the texts it says. The engine runs it; what the answers
/// mean is up to the code that started it, through the named actions the dialog returns.
/// </summary>
public sealed record DialogDefinition(
    string Id,
    string Start,
    IReadOnlyDictionary<string, StepDefinition> Steps,
    IReadOnlyList<AnywhereWords> Anywhere,
    IReadOnlyList<string> KeepWords,
    IReadOnlyList<string> NoneWords,
    IReadOnlyDictionary<string, string> Templates,
    string File,
    IReadOnlyList<string>? BackWords = null,
    IReadOnlyList<string>? CopyAllWords = null)
{
    /// <summary>Words that go back one question (上一步).</summary>
    public IReadOnlyList<string> BackWords { get; init; } = BackWords ?? [];

    /// <summary>Words that take every offered earlier answer at once (沿用上季度) and go to the first step without a save.</summary>
    public IReadOnlyList<string> CopyAllWords { get; init; } = CopyAllWords ?? [];
}

public enum StepType
{
    /// <summary>One of a list; the user answers with the choice's word or its number.</summary>
    Choice,
    /// <summary>Free text, trimmed, up to MaxLength characters.</summary>
    Text,
    /// <summary>A whole number between Min and Max.</summary>
    Number,
    /// <summary>Zero or more http(s) links separated by spaces, new lines, commas or 、.</summary>
    Links,
}

/// <param name="Save">The value name the answer is saved under, or null for choices that only steer.</param>
/// <param name="Next">The step after this one, or null to end the dialog (for choices: unless the choice says otherwise).</param>
/// <param name="Optional">Whether one of the dialog's NoneWords leaves the value empty.</param>
/// <param name="Labels">Words that start a line answering this step in a message that answers several steps at once ("进展：…").</param>
public sealed record StepDefinition(
    string Id,
    StepType Type,
    string Prompt,
    string? Save,
    string? Next,
    IReadOnlyList<ChoiceDefinition> Choices,
    int MaxLength,
    int Min,
    int Max,
    bool Optional,
    IReadOnlyList<string>? Labels = null)
{
    public IReadOnlyList<string> Labels { get; init; } = Labels ?? [];
}

/// <param name="Value">What is saved (e.g. an enum name); <paramref name="Label"/> is what the user sees and may type.</param>
/// <param name="Words">Other words the user may type for this choice.</param>
/// <param name="Next">A step to go to instead of the step's next one.</param>
/// <param name="Action">A named action to hand back to the caller (e.g. submit) instead of going on.</param>
public sealed record ChoiceDefinition(string Value, string Label, IReadOnlyList<string> Words, string? Next, string? Action);

/// <summary>Words that work at every step, each handing a named action back to the caller (跳过 → skip).</summary>
public sealed record AnywhereWords(IReadOnlyList<string> Words, string Action);
