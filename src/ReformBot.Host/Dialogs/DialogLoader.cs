using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ReformBot.Host.Dialogs;

/// <summary>
/// Reads and checks dialog files (dialogs/*.dialog.yaml). A broken file stops the host at start
/// with a message naming the file and the problem, never in the middle of someone's report.
/// </summary>
public static class DialogLoader
{
    public const string FilePattern = "*.dialog.yaml";

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "dialogs");

    /// <summary>Reads every dialog file of <paramref name="directory"/> and holds each to the contract of the code that runs it.</summary>
    /// <exception cref="InvalidDataException">A file is malformed, inconsistent, or breaks its contract; the message names it.</exception>
    public static IReadOnlyDictionary<string, DialogDefinition> LoadDirectory(string directory, IReadOnlyCollection<DialogContract> contracts)
    {
        var dialogs = new Dictionary<string, DialogDefinition>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, FilePattern).Order(StringComparer.Ordinal))
        {
            var dialog = LoadFile(file);
            if (!dialogs.TryAdd(dialog.Id, dialog))
                throw new InvalidDataException($"{file}: dialog id '{dialog.Id}' is also used by {dialogs[dialog.Id].File}.");
        }
        foreach (var contract in contracts)
        {
            if (!dialogs.TryGetValue(contract.DialogId, out var dialog))
                throw new InvalidDataException($"{directory}: no {FilePattern} file has the dialog id '{contract.DialogId}'.");
            CheckContract(dialog, contract);
        }
        // Its actions could not be checked, and nothing would start it: most likely a misspelt id.
        var unknown = dialogs.Values.FirstOrDefault(d => !contracts.Any(c => c.DialogId == d.Id));
        if (unknown is not null)
            throw new InvalidDataException($"{unknown.File}: no code runs a dialog with the id '{unknown.Id}' (known: {List(contracts.Select(c => c.DialogId))}).");
        return dialogs;
    }

    /// <summary>Reads one dialog file and checks it on its own: its syntax, steps, words and templates.</summary>
    /// <exception cref="InvalidDataException">The file is malformed or inconsistent; the message names it.</exception>
    public static DialogDefinition LoadFile(string file)
    {
        DialogEntry entry;
        try
        {
            entry = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<DialogEntry>(File.ReadAllText(file)) ?? throw new InvalidDataException($"{file}: the file is empty.");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{file}: line {e.Start.Line}: {e.Message}", e);
        }

        void Check(bool ok, string problem)
        {
            if (!ok) throw new InvalidDataException($"{file}: {problem}");
        }

        // A word left empty would match an empty answer, or fail when compared.
        void CheckWords(IReadOnlyList<string> words, string where) =>
            Check(words.All(w => !string.IsNullOrWhiteSpace(w)), $"{where} has an empty word.");

        Check(!string.IsNullOrWhiteSpace(entry.Id), "the dialog needs an id.");
        Check(entry.Steps is { Count: > 0 }, "the dialog needs at least one step.");
        var steps = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        foreach (var s in entry.Steps!)
        {
            // A list item left empty ("-") reads as null.
            Check(!string.IsNullOrWhiteSpace(s?.Id), "a step has no id.");
            Check(!steps.ContainsKey(s!.Id!), $"step id '{s.Id}' is used twice.");
            // Only the names: Enum.TryParse also takes numbers ("7") and lists ("text, choice").
            var typeName = Enum.GetNames<StepType>().FirstOrDefault(n => string.Equals(n, s.Type?.Trim(), StringComparison.OrdinalIgnoreCase));
            Check(typeName is not null, $"step '{s.Id}': unknown type '{s.Type}' (choice, text, number, links).");
            var type = Enum.Parse<StepType>(typeName!);
            Check(!string.IsNullOrWhiteSpace(s.Prompt), $"step '{s.Id}' has no prompt.");
            var choices = (s.Choices ?? []).Select(c => new ChoiceDefinition(
                c?.Value ?? c?.Label ?? "", c?.Label ?? c?.Value ?? "", c?.Words ?? [], c?.Next, c?.Action)).ToList();
            Check(type != StepType.Choice || choices.Count > 0, $"step '{s.Id}': a choice step needs choices.");
            Check(choices.All(c => c.Label.Length > 0), $"step '{s.Id}': every choice needs a label or a value.");
            foreach (var choice in choices)
                CheckWords(choice.Words, $"step '{s.Id}', choice '{choice.Label}'");
            Check(type is not (StepType.Text or StepType.Links) || s.MaxLength > 0, $"step '{s.Id}': maxLength must be positive.");
            Check(type != StepType.Number || s.Min <= s.Max, $"step '{s.Id}': min is greater than max.");
            CheckWords(s.Labels ?? [], $"step '{s.Id}', labels");
            Check(s.Labels is not { Count: > 0 } || s.Save is not null, $"step '{s.Id}': labels need a save name to fill.");
            steps[s.Id!] = new StepDefinition(s.Id!, type, s.Prompt!, s.Save, s.Next, choices, s.MaxLength, s.Min, s.Max, s.Optional, s.Labels ?? []);
        }

        var start = entry.Start ?? entry.Steps![0].Id!;
        Check(steps.ContainsKey(start), $"start step '{start}' does not exist.");
        foreach (var step in steps.Values)
        {
            Check(step.Next is null || steps.ContainsKey(step.Next), $"step '{step.Id}': next step '{step.Next}' does not exist.");
            foreach (var choice in step.Choices)
                Check(choice.Next is null || steps.ContainsKey(choice.Next), $"step '{step.Id}', choice '{choice.Label}': next step '{choice.Next}' does not exist.");
        }

        var anywhere = (entry.Anywhere ?? []).Select(a => new AnywhereWords(a?.Words ?? [], a?.Action ?? "")).ToList();
        Check(anywhere.All(a => a.Words.Count > 0 && a.Action.Length > 0), "every 'anywhere' entry needs words and an action.");
        foreach (var a in anywhere) CheckWords(a.Words, $"anywhere '{a.Action}'");
        CheckWords(entry.KeepWords ?? [], "keepWords");
        CheckWords(entry.NoneWords ?? [], "noneWords");
        CheckWords(entry.BackWords ?? [], "backWords");
        CheckWords(entry.CopyAllWords ?? [], "copyAllWords");
        var templates = entry.Templates ?? [];
        var missing = DialogEngine.RequiredTemplates.Where(t => !templates.ContainsKey(t)).ToList();
        Check(missing.Count == 0, $"missing templates: {string.Join(", ", missing)}.");
        // "help:" with nothing after it reads as null, which would fail when the text is shown.
        foreach (var (name, text) in templates)
            Check(text is not null && (text.Trim().Length > 0 || !DialogEngine.RequiredTemplates.Contains(name)), $"template '{name}' is empty.");

        return new DialogDefinition(entry.Id!, start, steps, anywhere, entry.KeepWords ?? [], entry.NoneWords ?? [], templates, file,
            entry.BackWords ?? [], entry.CopyAllWords ?? []);
    }

    /// <summary>The code dispatches on the actions, reads the answers by save name and parses some choice values.</summary>
    private static void CheckContract(DialogDefinition dialog, DialogContract contract)
    {
        void Check(bool ok, string problem)
        {
            if (!ok) throw new InvalidDataException($"{dialog.File}: {problem}");
        }

        foreach (var step in dialog.Steps.Values)
            foreach (var choice in step.Choices.Where(c => c.Action is not null))
                Check(contract.Actions.Contains(choice.Action!),
                    $"step '{step.Id}', choice '{choice.Label}': unknown action '{choice.Action}' (known: {List(contract.Actions)}).");
        var anywhereActions = contract.Actions.Append(DialogEngine.HelpAction).ToList();
        foreach (var anywhere in dialog.Anywhere)
            Check(anywhereActions.Contains(anywhere.Action),
                $"anywhere words '{string.Join(", ", anywhere.Words)}': unknown action '{anywhere.Action}' (known: {List(anywhereActions)}).");

        var saves = dialog.Steps.Values.Where(s => s.Save is not null).Select(s => s.Save!).ToHashSet(StringComparer.Ordinal);
        var unread = saves.Except(contract.Saves).ToList();
        Check(unread.Count == 0, $"the code does not read the answer '{unread.FirstOrDefault()}' (it reads: {List(contract.Saves)}).");
        var unsaved = contract.Saves.Except(saves).ToList();
        Check(unsaved.Count == 0, $"no step saves the answer '{unsaved.FirstOrDefault()}', which the code reads.");

        foreach (var (save, values) in contract.ChoiceValues ?? new Dictionary<string, IReadOnlySet<string>>())
            foreach (var step in dialog.Steps.Values.Where(s => s.Save == save))
            {
                Check(step.Type == StepType.Choice, $"step '{step.Id}' saves '{save}', so it must be a choice step.");
                Check(values.SetEquals(step.Choices.Select(c => c.Value)),
                    $"step '{step.Id}': the choices' values must be exactly {List(values)}, not {List(step.Choices.Select(c => c.Value))}.");
            }
    }

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));

    private sealed class DialogEntry
    {
        public string? Id { get; set; }
        public string? Start { get; set; }
        public List<StepEntry>? Steps { get; set; }
        public List<AnywhereEntry>? Anywhere { get; set; }
        public List<string>? KeepWords { get; set; }
        public List<string>? NoneWords { get; set; }
        public List<string>? BackWords { get; set; }
        public List<string>? CopyAllWords { get; set; }
        public Dictionary<string, string>? Templates { get; set; }
    }

    private sealed class StepEntry
    {
        public string? Id { get; set; }
        public string? Type { get; set; }
        public string? Prompt { get; set; }
        public string? Save { get; set; }
        public string? Next { get; set; }
        public List<ChoiceEntry>? Choices { get; set; }
        public int MaxLength { get; set; }
        public int Min { get; set; }
        public int Max { get; set; }
        public bool Optional { get; set; }
        public List<string>? Labels { get; set; }
    }

    private sealed class ChoiceEntry
    {
        public string? Value { get; set; }
        public string? Label { get; set; }
        public List<string>? Words { get; set; }
        public string? Next { get; set; }
        public string? Action { get; set; }
    }

    private sealed class AnywhereEntry
    {
        public List<string>? Words { get; set; }
        public string? Action { get; set; }
    }
}
