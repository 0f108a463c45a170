using System.Text;
using System.Text.RegularExpressions;

namespace ReformBot.Host.Dialogs;

/// <summary>
/// Runs dialogs defined as data. It knows steps, answers and texts, nothing about reports: it
/// validates each answer, saves it, moves to the next step, and hands named actions (submit,
/// skip, pause…) back to its caller, except <see cref="HelpAction"/>, which it runs itself.
/// Pure: no I/O, so every branch is testable in memory.
/// </summary>
public sealed partial class DialogEngine(IReadOnlyDictionary<string, DialogDefinition> dialogs)
{
    /// <summary>The texts every dialog file must define, for re-prompts and help.</summary>
    public static readonly IReadOnlyList<string> RequiredTemplates =
        ["empty", "tooLong", "invalidChoice", "invalidNumber", "invalidLinks", "help", "current"];

    /// <summary>The one action the engine runs itself: shows the dialog's help text and asks again.</summary>
    public const string HelpAction = "help";

    private const int MaxTemplateDepth = 4;

    /// <summary>Starts a dialog at its first step; <paramref name="values"/> pre-fills answers (editing a report).</summary>
    public DialogTurn Start(string dialogId, IReadOnlyDictionary<string, string> context, IReadOnlyDictionary<string, string>? values = null)
    {
        var dialog = dialogs[dialogId];
        var state = new DialogState
        {
            DialogId = dialogId,
            StepId = dialog.Start,
            Context = new Dictionary<string, string>(context),
            Values = values is null ? [] : new Dictionary<string, string>(values),
        };
        return DialogTurn.Waiting(state, Prompt(state));
    }

    /// <summary>Takes the user's answer to the current step.</summary>
    public DialogTurn Continue(DialogState state, string input)
    {
        var dialog = dialogs[state.DialogId];
        var step = dialog.Steps[state.StepId];
        var answer = input.Trim();
        var folded = Fold(answer);

        var anywhere = dialog.Anywhere.FirstOrDefault(a => a.Words.Any(w => Same(w, folded)));
        if (anywhere is not null)
        {
            return anywhere.Action == HelpAction
                ? DialogTurn.Waiting(state, Render(state, dialog.Templates["help"]), Prompt(state))
                : DialogTurn.ForAction(state, anywhere.Action);
        }

        if (folded.Length == 0) return DialogTurn.Waiting(state, Render(state, dialog.Templates["empty"]), Prompt(state));

        string? next = step.Next;
        if (step.Type == StepType.Choice)
        {
            var choice = MatchChoice(step, folded);
            if (choice is null)
                return DialogTurn.Waiting(state, Render(state, dialog.Templates["invalidChoice"], new() { ["input"] = answer }), Prompt(state));
            if (step.Save is not null) state.Values[step.Save] = choice.Value;
            if (choice.Action is not null) return DialogTurn.ForAction(state, choice.Action);
            next = choice.Next ?? step.Next;
        }
        else if (step.Save is not null && state.Values.TryGetValue(step.Save, out var kept) && kept.Length > 0 && dialog.KeepWords.Any(w => Same(w, folded)))
        {
            // 同上: keep the answer given before (when editing). Not an empty one: a required step would stay empty.
        }
        else if (step.Optional && dialog.NoneWords.Any(w => Same(w, folded)))
        {
            if (step.Save is not null) state.Values[step.Save] = "";
        }
        else
        {
            var (value, problem) = Validate(step, answer, folded);
            if (problem is not null)
                return DialogTurn.Waiting(state, Render(state, dialog.Templates[problem], new() { ["input"] = answer, ["length"] = answer.Length.ToString(), ["max"] = step.MaxLength.ToString(), ["min"] = step.Min.ToString(), ["maxNumber"] = step.Max.ToString() }), Prompt(state));
            if (step.Save is not null) state.Values[step.Save] = value!;
        }

        if (next is null) return DialogTurn.Completed(state);
        state.StepId = next;
        return DialogTurn.Waiting(state, Prompt(state));
    }

    /// <summary>The current step's question, with the earlier answer when there is one.</summary>
    public string Prompt(DialogState state)
    {
        var dialog = dialogs[state.DialogId];
        var step = dialog.Steps[state.StepId];
        var prompt = Render(state, step.Prompt);
        if (step.Type != StepType.Choice && step.Save is not null && state.Values.TryGetValue(step.Save, out var current) && current.Length > 0)
            prompt += "\n" + Render(state, dialog.Templates["current"], new() { ["current"] = current });
        return prompt;
    }

    /// <summary>Renders one of the dialog's templates, e.g. a summary, with the state's values.</summary>
    public string RenderTemplate(DialogState state, string templateName) => Render(state, dialogs[state.DialogId].Templates[templateName]);

    private static (string? Value, string? Problem) Validate(StepDefinition step, string answer, string folded)
    {
        switch (step.Type)
        {
            case StepType.Text:
                return answer.Length > step.MaxLength ? (null, "tooLong") : (answer, null);
            case StepType.Number:
                return int.TryParse(folded.TrimEnd('%'), out var number) && number >= step.Min && number <= step.Max
                    ? (number.ToString(), null)
                    : (null, "invalidNumber");
            case StepType.Links:
                var links = LinkSeparators().Split(folded).Where(l => l.Length > 0).ToList();
                var valid = links.Count > 0 && links.All(l =>
                    Uri.TryCreate(l, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
                if (answer.Length > step.MaxLength) return (null, "tooLong");
                return valid ? (string.Join("\n", links), null) : (null, "invalidLinks");
            default:
                throw new InvalidOperationException($"Step type {step.Type} has no validation.");
        }
    }

    private static ChoiceDefinition? MatchChoice(StepDefinition step, string folded)
    {
        if (int.TryParse(folded.TrimEnd('.', '、'), out var number) && number >= 1 && number <= step.Choices.Count)
            return step.Choices[number - 1];
        return step.Choices.FirstOrDefault(c => Same(c.Label, folded) || c.Words.Any(w => Same(w, folded)));
    }

    private string Render(DialogState state, string template, Dictionary<string, string>? extra = null, int depth = 0)
    {
        var dialog = dialogs[state.DialogId];
        var step = dialog.Steps[state.StepId];
        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            var text = Lookup(name);
            var fallback = match.Groups["fallback"];
            return string.IsNullOrEmpty(text) && fallback.Success ? fallback.Value : text ?? match.Value;
        });

        string? Lookup(string name)
        {
            if (extra is not null && extra.TryGetValue(name, out var given)) return given;
            if (name == "choices") return string.Join("\n", step.Choices.Select((c, i) => $"{i + 1}. {c.Label}"));
            if (dialog.Templates.TryGetValue(name, out var nested) && depth < MaxTemplateDepth) return Render(state, nested, extra, depth + 1);
            if (state.Values.TryGetValue(name, out var value)) return LabelOf(dialog, name, value);
            return state.Context.GetValueOrDefault(name);
        }
    }

    /// <summary>A saved choice shows as its label (已完成), not its stored value (Completed).</summary>
    private static string LabelOf(DialogDefinition dialog, string saveName, string value) =>
        dialog.Steps.Values.Where(s => s.Type == StepType.Choice && s.Save == saveName)
            .SelectMany(s => s.Choices).FirstOrDefault(c => c.Value == value)?.Label ?? value;

    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    private static bool Same(string word, string folded) => string.Equals(Fold(word), folded, StringComparison.OrdinalIgnoreCase);

    // {name}, or {name|text} to show text when the value is empty or missing.
    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9_.]*)(?:\|(?<fallback>[^{}]*))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\s,，、;；]+")]
    private static partial Regex LinkSeparators();
}
