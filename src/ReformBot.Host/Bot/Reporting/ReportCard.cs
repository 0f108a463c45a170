using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Messages;

namespace ReformBot.Host.Bot.Reporting;

/// <summary>
/// The report of one task as an Adaptive Card (a plain JSON attachment), from the template
/// dialogs/report.card.json: the layout lives there, the texts in messages.yaml, and the fields, their
/// choices, limits and prefilled values come from the report dialog's steps and draft. Its submit is read
/// back as answers by save name, which the dialog then checks exactly as typed answers.
/// </summary>
public sealed partial class ReportCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string FileName = "report.card.json";

    public static string DefaultPath => Path.Combine(DialogLoader.DefaultDirectory, FileName);

    // What the submit carries besides the inputs: which card, task, department and draft it was made for.
    private const string KindKey = "reformbotCard";
    private const string KindValue = "report";
    private const string TaskKey = "task";
    private const string DepartmentKey = "department";
    private const string DraftKey = "draft";

    private const string Title = "title";
    private const string Hint = "hint";
    private const string SubmitTitle = "submit";
    private const string NumberError = "numberError";
    private const string LabelPrefix = "label.";

    /// <summary>Each answer's label on the card, by save name.</summary>
    private static readonly IReadOnlyDictionary<string, string> LabelKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReportFields.Status] = MessageKeys.Report.CardStatus,
        [ReportFields.Progress] = MessageKeys.Report.CardProgress,
        [ReportFields.Problems] = MessageKeys.Report.CardProblems,
        [ReportFields.NextSteps] = MessageKeys.Report.CardNextSteps,
        [ReportFields.Percent] = MessageKeys.Report.CardPercent,
        [ReportFields.Evidence] = MessageKeys.Report.CardEvidence,
    };

    /// <summary>The values of the task the template may show, as the report conversation gives them to its dialog.</summary>
    private static readonly IReadOnlySet<string> TaskValues =
        new HashSet<string>(["taskNumber", "taskText", "department", "period", "deadline", "planDeadline"], StringComparer.Ordinal);

    private readonly JObject _template;
    private readonly MessageCatalog _messages;

    private ReportCard(JObject template, MessageCatalog messages)
    {
        _template = template;
        _messages = messages;
    }

    /// <summary>Reads the template and holds it to the report dialog: one input per answer, of a fitting type, and known placeholders only.</summary>
    /// <exception cref="InvalidDataException">The template is not usable; the message names the file and the problem.</exception>
    public static ReportCard Load(string path, DialogDefinition report, MessageCatalog messages)
    {
        JObject template;
        try
        {
            template = JObject.Parse(File.ReadAllText(path));
        }
        catch (JsonReaderException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber}: {e.Message}", e);
        }
        void Check(bool ok, string problem)
        {
            if (!ok) throw new InvalidDataException($"{path}: {problem}");
        }

        Check((string?)template["type"] == "AdaptiveCard", "the root must be an object with \"type\": \"AdaptiveCard\".");
        var steps = report.Steps.Values.Where(s => s.Save is not null).ToDictionary(s => s.Save!, StringComparer.Ordinal);
        var inputs = Inputs(template).ToList();
        foreach (var input in inputs)
        {
            var id = (string?)input["id"] ?? "";
            Check(steps.TryGetValue(id, out var step), $"the input \"{id}\" is no answer of the report dialog (answers: {string.Join(", ", steps.Keys)}).");
            Check((string?)input["type"] == InputType(step!), $"the input \"{id}\" must be of type {InputType(step!)}.");
        }
        var missing = steps.Keys.Except(inputs.Select(i => (string?)i["id"] ?? "")).ToList();
        Check(missing.Count == 0, $"the card has no input for: {string.Join(", ", missing)}; it must ask every answer of the report.");
        Check(Submits(template).Any(), "the card has no Action.Submit.");
        var known = new HashSet<string>(TaskValues.Concat([Title, Hint, SubmitTitle, NumberError]).Concat(LabelKeys.Keys.Select(k => LabelPrefix + k)), StringComparer.Ordinal);
        var unknown = Strings(template).SelectMany(s => Placeholder().Matches((string)s!).Select(m => m.Groups["name"].Value)).FirstOrDefault(n => !known.Contains(n));
        Check(unknown is null, $"the placeholder {{{unknown}}} is unknown (known: {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
        template.Remove("$comment");
        return new ReportCard(template, messages);
    }

    /// <summary>The card for the task of <paramref name="draft"/>, prefilled from it (or from what it offers: last quarter's).</summary>
    public Attachment Build(IReadOnlyList<FormField> form, DialogState draft, ReportSessionItem item, string? draftId)
    {
        var card = (JObject)_template.DeepClone();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The task as people number it (3.2), which the draft's texts carry.
            [Title] = _messages.Format(MessageKeys.Report.CardTitle, draft.Context.GetValueOrDefault("taskNumber", item.TaskNumber.ToString(CultureInfo.InvariantCulture)), item.Department, draft.Context.GetValueOrDefault("period", "")),
            [Hint] = _messages[MessageKeys.Report.CardHint],
            [SubmitTitle] = _messages[MessageKeys.Report.CardSubmit],
        };
        // The card's own check of a number's range (the client refuses to send it) says the range.
        if (form.FirstOrDefault(f => f.Step.Type == StepType.Number) is { } numberField)
            texts[NumberError] = _messages.Format(MessageKeys.Report.CardNumberError, numberField.Step.Min, numberField.Step.Max);
        else texts[NumberError] = "";
        foreach (var (name, key) in LabelKeys) texts[LabelPrefix + name] = _messages[key];
        foreach (var name in TaskValues) texts[name] = draft.Context.GetValueOrDefault(name, "");
        foreach (var text in Strings(card).ToList())
            text.Value = Placeholder().Replace((string)text!, m => texts[m.Groups["name"].Value]);

        var fields = form.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var input in Inputs(card))
        {
            var field = fields[(string)input["id"]!];
            switch (field.Step.Type)
            {
                case StepType.Choice:
                    input["choices"] = new JArray(field.Choices.Select(c => new JObject { ["title"] = c, ["value"] = c }));
                    break;
                case StepType.Number:
                    input["min"] = field.Step.Min;
                    input["max"] = field.Step.Max;
                    break;
                default:
                    input["maxLength"] = field.Step.MaxLength;
                    break;
            }
            if (field.Value.Length == 0) continue;
            input["value"] = field.Step.Type == StepType.Number && int.TryParse(field.Value, CultureInfo.InvariantCulture, out var number)
                ? number
                : field.Value;
        }
        foreach (var submit in Submits(card))
            submit["data"] = new JObject
            {
                [KindKey] = KindValue,
                [TaskKey] = item.TaskNumber,
                [DepartmentKey] = item.Department,
                [DraftKey] = draftId ?? "",
            };
        return new Attachment { ContentType = ContentType, Content = card };
    }

    /// <summary>A submit of this card from an activity's value, or null when the value is something else.</summary>
    public static ReportCardSubmission? Read(object? value)
    {
        if (value is not JObject data || (string?)data[KindKey] != KindValue) return null;
        if (data[TaskKey] is not JValue { Value: not null } task || !int.TryParse(Text(task), CultureInfo.InvariantCulture, out var number)
            || data[DepartmentKey] is not JValue { Value: string department })
            return null;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ReportFields.ReportAnswers)
            // Cleaned as typed text is (control characters, line ends) before anything reads it.
            if (data[name] is { } answer) answers[name] = TypedText.Clean(Text(answer), multiline: true);
        return new ReportCardSubmission(number, department, (string?)(data[DraftKey] as JValue) ?? "", answers);
    }

    // A number stays as typed (40, 40.5); anything that is not a plain value is read as its JSON text, which the checks refuse.
    private static string Text(JToken token) => token is JValue { Value: var v }
        ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""
        : token.ToString(Formatting.None);

    private static string InputType(StepDefinition step) => step.Type switch
    {
        StepType.Choice => "Input.ChoiceSet",
        StepType.Number => "Input.Number",
        _ => "Input.Text",
    };

    private static IEnumerable<JObject> Inputs(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static IEnumerable<JObject> Submits(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == "Action.Submit");

    private static IEnumerable<JValue> Strings(JObject card) =>
        card.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String && v.Parent is not JProperty { Name: "$comment" });

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9_.]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>A submitted report card: the task, department and draft it was made for, and its answers by save name.</summary>
public sealed record ReportCardSubmission(int TaskNumber, string Department, string DraftId, IReadOnlyDictionary<string, string> Answers);
