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
        ["empty", "tooLong", "invalidChoice", "invalidNumber", "invalidLinks", "help", "current", "nothingOffered"];

    /// <summary>The one action the engine runs itself: shows the dialog's help text and asks again.</summary>
    public const string HelpAction = "help";

    private const int MaxTemplateDepth = 4;

    /// <summary>
    /// Starts a dialog at its first step; <paramref name="values"/> pre-fills answers (editing a report),
    /// <paramref name="offered"/> are earlier answers the user may take with a keep word.
    /// </summary>
    public DialogTurn Start(string dialogId, IReadOnlyDictionary<string, string> context, IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyDictionary<string, string>? offered = null)
    {
        var dialog = dialogs[dialogId];
        var state = new DialogState
        {
            DialogId = dialogId,
            StepId = dialog.Start,
            Context = new Dictionary<string, string>(context),
            Values = values is null ? [] : new Dictionary<string, string>(values),
            Offered = offered is null ? [] : new Dictionary<string, string>(offered),
        };
        return DialogTurn.Waiting(state, Prompt(state));
    }

    /// <summary>The definition of a loaded dialog, e.g. to hold another file (a card's template) to its steps.</summary>
    public DialogDefinition Definition(string dialogId) => dialogs[dialogId];

    /// <summary>Takes the user's answer to the current step.</summary>
    public DialogTurn Continue(DialogState state, string input)
    {
        var dialog = dialogs[state.DialogId];
        var step = dialog.Steps[state.StepId];
        var answer = input.Trim();
        var folded = Fold(answer);

        // At an optional step its none words win over words that work anywhere (跳过 skips the question, not the task).
        if (step.Optional && step.Save is not null && dialog.NoneWords.Any(w => Same(w, folded)))
        {
            state.Values[step.Save] = "";
            return MoveOn(state, step.Next);
        }
        if (dialog.BackWords.Any(w => Same(w, folded)))
        {
            if (state.History.Count > 0)
            {
                state.StepId = state.History[^1];
                state.History.RemoveAt(state.History.Count - 1);
            }
            return DialogTurn.Waiting(state, Prompt(state));
        }
        var anywhere = dialog.Anywhere.FirstOrDefault(a => a.Words.Any(w => Same(w, folded)));
        if (anywhere is not null)
        {
            return anywhere.Action == HelpAction
                ? DialogTurn.Waiting(state, Render(state, dialog.Templates["help"]), Prompt(state))
                : DialogTurn.ForAction(state, anywhere.Action);
        }
        if (dialog.CopyAllWords.Any(w => Same(w, folded)))
        {
            if (state.Offered.Count == 0) return DialogTurn.Waiting(state, Render(state, dialog.Templates["nothingOffered"]), Prompt(state));
            foreach (var (name, value) in state.Offered) state.Values[name] = value;
            return Advance(state, []);
        }
        if (Labelled(dialog, answer) is { Count: > 0 } fields) return Fill(state, fields);

        if (folded.Length == 0) return DialogTurn.Waiting(state, Render(state, dialog.Templates["empty"]), Prompt(state));

        string? next = step.Next;
        if (step.Type == StepType.Choice)
        {
            var choice = MatchChoice(step, folded);
            if (choice is null && ChoiceWithLabel(dialog, step, folded) is { } target)
            {
                // 修改 进展: answer that one step, then come back here.
                state.ReturnTo = step.Id;
                state.History.Add(step.Id);
                state.StepId = target.Id;
                return DialogTurn.Waiting(state, Prompt(state));
            }
            if (choice is null)
                return DialogTurn.Waiting(state, Render(state, dialog.Templates["invalidChoice"], new() { ["input"] = answer }), Prompt(state));
            if (step.Save is not null) state.Values[step.Save] = choice.Value;
            if (choice.Action is not null) return DialogTurn.ForAction(state, choice.Action);
            next = choice.Next ?? step.Next;
            if (next is not null && choice.Next is not null)
            {
                // 修改: every question again, in order.
                state.History.Clear();
                state.Filling = false;
            }
            return MoveOn(state, next);
        }
        var problem = Apply(dialog, step, state, answer);
        return problem is not null ? DialogTurn.Waiting(state, problem, Prompt(state)) : MoveOn(state, next);
    }

    /// <summary>
    /// Every answer of the dialog as the fields of one form, in step order, each prefilled with the answer so
    /// far or else the one offered (last quarter's).
    /// </summary>
    public IReadOnlyList<FormField> Form(DialogState state)
    {
        var dialog = dialogs[state.DialogId];
        return dialog.Steps.Values.Where(s => s.Save is not null)
            .Select(step =>
            {
                var value = state.Values.TryGetValue(step.Save!, out var given) ? given : state.Offered.GetValueOrDefault(step.Save!, "");
                var shown = step.Type switch
                {
                    StepType.Choice => value.Length == 0 ? "" : LabelOf(dialog, step.Save!, value),
                    StepType.Links => value.Replace('\n', ' '),
                    _ => value,
                };
                return new FormField(step, shown, step.Choices.Where(c => c.Action is null).Select(c => c.Label).ToList());
            })
            .ToList();
    }

    /// <summary>
    /// A submitted form, by save name: each answer goes through the same checks as when typed, exactly as a
    /// labelled message does; a blank optional field leaves that answer empty. Then, as after a labelled
    /// message, the first question still to answer (or the confirmation) is asked.
    /// </summary>
    public DialogTurn Answer(DialogState state, IReadOnlyDictionary<string, string> answers)
    {
        var dialog = dialogs[state.DialogId];
        var fields = new List<(StepDefinition Step, string Text)>();
        foreach (var step in dialog.Steps.Values.Where(s => s.Save is not null && answers.ContainsKey(s.Save)))
        {
            var text = answers[step.Save!].Trim();
            if (step.Optional && text.Length == 0) state.Values[step.Save!] = "";
            else fields.Add((step, text));
        }
        // The form answers everything at once: a pending "修改 进展" no longer applies.
        state.ReturnTo = null;
        state.Retry.Clear();
        return Fill(state, fields);
    }

    /// <summary>Whether the text is one of the dialog's own words at the current step (anywhere, back, keep, none, copy-all words).</summary>
    public bool IsOwnWord(DialogState state, string text)
    {
        var dialog = dialogs[state.DialogId];
        var folded = Fold(text);
        return dialog.Anywhere.SelectMany(a => a.Words).Concat(dialog.BackWords).Concat(dialog.KeepWords).Concat(dialog.NoneWords).Concat(dialog.CopyAllWords)
            .Any(w => Same(w, folded));
    }

    /// <summary>The value of the choice that <paramref name="text"/> picks at a choice step, or null.</summary>
    public string? ChoiceValue(string dialogId, string stepId, string text) =>
        dialogs[dialogId].Steps.TryGetValue(stepId, out var step) && step.Type == StepType.Choice ? MatchChoice(step, Fold(text))?.Value : null;

    /// <summary>The answers offered as buttons at the current step: its choices, a none word, a keep word.</summary>
    public IReadOnlyList<string> Buttons(DialogState state)
    {
        var dialog = dialogs[state.DialogId];
        var step = dialog.Steps[state.StepId];
        var buttons = new List<string>();
        if (step.Type == StepType.Choice) buttons.AddRange(step.Choices.Select(c => c.Label));
        if (step.Save is not null && step.Type != StepType.Choice && KeepValue(state, step.Save) is not null && dialog.KeepWords.Count > 0)
            buttons.Add(dialog.KeepWords[0]);
        if (step.Optional && dialog.NoneWords.Count > 0) buttons.Add(dialog.NoneWords[0]);
        if (step.Id == dialog.Start && state.Offered.Count > 0 && dialog.CopyAllWords.Count > 0) buttons.Add(dialog.CopyAllWords[0]);
        return buttons;
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

    /// <summary>Saves a typed answer to a text, number or links step; returns the problem's text, or null when saved.</summary>
    private string? Apply(DialogDefinition dialog, StepDefinition step, DialogState state, string answer)
    {
        var folded = Fold(answer);
        if (step.Save is null) return null;
        if (dialog.KeepWords.Any(w => Same(w, folded)))
        {
            // 同上 / 沿用: the answer given before, or else the one offered; never the word itself.
            var kept = KeepValue(state, step.Save);
            if (kept is null) return Render(state, dialog.Templates["nothingOffered"]);
            state.Values[step.Save] = kept;
            return null;
        }
        if (step.Optional && dialog.NoneWords.Any(w => Same(w, folded)))
        {
            state.Values[step.Save] = "";
            return null;
        }
        if (folded.Length == 0) return Render(state, dialog.Templates["empty"]);
        if (step.Type == StepType.Choice)
        {
            var choice = MatchChoice(step, folded);
            if (choice is null || choice.Action is not null) return Render(state, dialog.Templates["invalidChoice"], new() { ["input"] = answer });
            state.Values[step.Save] = choice.Value;
            return null;
        }
        var (value, problem) = Validate(step, answer, folded);
        if (problem is not null)
            return Render(state, dialog.Templates[problem], new() { ["input"] = answer, ["length"] = answer.Length.ToString(), ["max"] = step.MaxLength.ToString(), ["min"] = step.Min.ToString(), ["maxNumber"] = step.Max.ToString() });
        state.Values[step.Save] = value!;
        return null;
    }

    private static string? KeepValue(DialogState state, string save) =>
        state.Values.TryGetValue(save, out var kept) && kept.Length > 0 ? kept
        : state.Offered.TryGetValue(save, out var offered) && offered.Length > 0 ? offered
        : null;

    /// <summary>"修改 进展": a choice that leads to another step, followed by the label of the step to change.</summary>
    private static StepDefinition? ChoiceWithLabel(DialogDefinition dialog, StepDefinition step, string folded)
    {
        foreach (var choice in step.Choices.Where(c => c.Next is not null))
            foreach (var word in choice.Words.Prepend(choice.Label).Select(Fold))
                if (folded.StartsWith(word, StringComparison.OrdinalIgnoreCase) && folded.Length > word.Length)
                {
                    var label = folded[word.Length..].Trim();
                    var target = dialog.Steps.Values.FirstOrDefault(s => s.Labels.Any(l => Same(l, label)));
                    if (target is not null) return target;
                }
        return null;
    }

    private DialogTurn MoveOn(DialogState state, string? next)
    {
        // After a labelled message, only what is still missing is asked.
        if (state.Filling) return Advance(state, []);
        if (state.ReturnTo is not null)
        {
            next = state.ReturnTo;
            state.ReturnTo = null;
        }
        if (next is null) return DialogTurn.Completed(state);
        state.History.Add(state.StepId);
        state.StepId = next;
        return DialogTurn.Waiting(state, Prompt(state));
    }

    /// <summary>Fills the steps a labelled message answers, then goes on as <see cref="Advance"/> does.</summary>
    private DialogTurn Fill(DialogState state, IReadOnlyList<(StepDefinition Step, string Text)> fields)
    {
        var dialog = dialogs[state.DialogId];
        var problems = new List<(StepDefinition Step, string Problem)>();
        foreach (var (step, text) in fields)
            if (Apply(dialog, step, state, text) is { } problem)
            {
                state.Values.Remove(step.Save!);
                state.Retry.Add(step.Id);
                problems.Add((step, problem));
            }
        return Advance(state, problems);
    }

    /// <summary>
    /// From the first step, passes every answered step (an unanswered optional one is left empty) and
    /// stops at the first step still to answer, or at the first step that saves nothing (a confirmation);
    /// a problem of a filled step is shown with that step's question instead.
    /// </summary>
    private DialogTurn Advance(DialogState state, IReadOnlyList<(StepDefinition Step, string Problem)> problems)
    {
        var dialog = dialogs[state.DialogId];
        state.History.Clear();
        var id = dialog.Start;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (visited.Add(id))
        {
            var step = dialog.Steps[id];
            var answered = step.Save is not null && state.Values.ContainsKey(step.Save);
            // A step whose labelled answer was refused is asked again, optional or not.
            if (step.Save is null || (!answered && (!step.Optional || state.Retry.Contains(id)))) break;
            if (!answered) state.Values[step.Save] = "";
            if (step.Next is null) break;
            state.History.Add(id);
            id = step.Next;
        }
        state.StepId = id;
        state.Filling = dialog.Steps[id].Save is not null;
        var replies = problems.Select(p => p.Problem).ToList();
        replies.Add(Prompt(state));
        return DialogTurn.Waiting(state, replies);
    }

    /// <summary>The lines of a message that start with a step's label ("进展：…"), each with the text up to the next label.</summary>
    private static List<(StepDefinition Step, string Text)> Labelled(DialogDefinition dialog, string message)
    {
        var fields = new List<(StepDefinition Step, List<string> Lines)>();
        foreach (var line in message.Split('\n'))
        {
            var match = LabelLine().Match(Fold(line));
            var step = match.Success
                ? dialog.Steps.Values.FirstOrDefault(s => s.Labels.Any(l => Same(l, match.Groups["label"].Value.Trim())))
                : null;
            // The value as typed: folding would turn a full-width comma of the text into a half-width one.
            if (step is not null) fields.Add((step, [line[(line.IndexOfAny([':', '：', '﹕']) + 1)..].Trim()]));
            else if (fields.Count > 0) fields[^1].Lines.Add(line.TrimEnd());
        }
        return fields.Select(f => (f.Step, string.Join("\n", f.Lines).Trim())).ToList();
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
        // 2。 2、 2. and ２ (folded to 2) are the number; a unique beginning of a label or word (按计划) is that choice.
        var trimmed = folded.TrimEnd('.', '、', '。', ',', '，', ')', '）').Trim();
        if (int.TryParse(trimmed, out var number) && number >= 1 && number <= step.Choices.Count)
            return step.Choices[number - 1];
        var exact = step.Choices.FirstOrDefault(c => Same(c.Label, trimmed) || c.Words.Any(w => Same(w, trimmed)));
        // One character is too little to be sure of (火 could be the start of anything).
        if (exact is not null || trimmed.Length < 2) return exact;
        var prefixed = step.Choices.Where(c => c.Words.Prepend(c.Label).Any(w => Fold(w).StartsWith(trimmed, StringComparison.OrdinalIgnoreCase))).ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
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

    // "进展：…", "2. 问题: …", "（3）下一步：…": an optional number, a label, a full- or half-width colon (folded to ':').
    [GeneratedRegex(@"^\s*(?:\(?\d{1,2}[).、]?\s*)?(?<label>[^:]{1,12}?)\s*:")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"[\s,，、;；]+")]
    private static partial Regex LinkSeparators();
}
