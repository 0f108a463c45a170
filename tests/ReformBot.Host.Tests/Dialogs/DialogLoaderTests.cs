using ReformBot.Host.Bot.Reporting;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Dialogs;

/// <summary>
/// Dialog files are read at start: the shipped ones load, and a broken one is refused with an
/// InvalidDataException naming the file and what is wrong, never failing later in a conversation.
/// </summary>
public sealed class DialogLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Every template the engine needs, to append to a dialog under test.</summary>
    private const string Templates = """
        templates:
          empty: Please answer.
          tooLong: Too long.
          invalidChoice: No such choice.
          invalidNumber: Not a number.
          invalidLinks: Not a link.
          help: Help.
          current: Now.
          nothingOffered: Nothing offered.
        """;

    /// <summary>A small valid dialog; the broken cases below each differ from it in one place.</summary>
    private const string Valid = """
        id: trip
        start: kind
        anywhere:
          - words: [stop]
            action: pause
        keepWords: [same]
        noneWords: [none]
        steps:
          - id: kind
            type: choice
            prompt: How?
            save: kind
            next: days
            choices:
              - { value: Train, label: By train, next: note }
              - { value: Car, label: By car }
          - id: days
            type: number
            prompt: How many days?
            save: days
            min: 1
            max: 30
            next: note
          - id: note
            type: text
            prompt: Any note?
            save: note
            maxLength: 100
        """ + "\n" + Templates;

    /// <summary>What code running the valid dialog would rely on.</summary>
    private static readonly DialogContract Trip = new(
        "trip",
        new HashSet<string> { "pause", "submit" },
        new HashSet<string> { "kind", "days", "note" },
        new Dictionary<string, IReadOnlySet<string>> { ["kind"] = new HashSet<string> { "Train", "Car" } });

    private string Write(string yaml, string name = "trip.dialog.yaml")
    {
        var path = _dir.File(name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private InvalidDataException Refused(string yaml)
    {
        var path = Write(yaml);
        var error = Assert.Throws<InvalidDataException>(() => DialogLoader.LoadFile(path));
        Assert.Contains(path, error.Message);
        return error;
    }

    [Fact]
    public void The_shipped_dialogs_directory_loads_and_has_the_report_dialog()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "dialogs"), DialogLoader.DefaultDirectory);

        var dialogs = DialogLoader.LoadDirectory(DialogLoader.DefaultDirectory, ReportConversation.Dialogs);

        var report = dialogs["report"];
        Assert.Equal("report", report.Id);
        Assert.Equal("status", report.Start);
        Assert.Equal(Path.Combine(DialogLoader.DefaultDirectory, "report.dialog.yaml"), report.File);
        Assert.Equal(["status", "progress", "problems", "nextSteps", "percent", "evidence", "confirm"], report.Steps.Keys);
        Assert.Equal(["Completed", "OnTrack", "Behind", "NotStarted"], report.Steps["status"].Choices.Select(c => c.Value));
        Assert.Equal(["skip", "pause", "cancel", "help"], report.Anywhere.Select(a => a.Action));
        Assert.All(DialogEngine.RequiredTemplates, t => Assert.False(string.IsNullOrWhiteSpace(report.Templates[t])));
        Assert.Contains("summary", report.Templates.Keys);
    }

    [Fact]
    public void A_valid_file_is_read_into_its_definition()
    {
        var path = Write(Valid);

        var dialog = DialogLoader.LoadFile(path);

        Assert.Equal("trip", dialog.Id);
        Assert.Equal("kind", dialog.Start);
        Assert.Equal(path, dialog.File);
        Assert.Equal(["kind", "days", "note"], dialog.Steps.Keys);
        var kind = dialog.Steps["kind"];
        Assert.Equal(StepType.Choice, kind.Type);
        Assert.Equal("days", kind.Next);
        Assert.Equal(("Train", "By train", "note", (string?)null), (kind.Choices[0].Value, kind.Choices[0].Label, kind.Choices[0].Next, kind.Choices[0].Action));
        Assert.Empty(kind.Choices[0].Words);
        var days = dialog.Steps["days"];
        Assert.Equal((StepType.Number, 1, 30, "note"), (days.Type, days.Min, days.Max, days.Next));
        var note = dialog.Steps["note"];
        Assert.Equal((StepType.Text, 100, (string?)null, "note"), (note.Type, note.MaxLength, note.Next, note.Save));
        Assert.Equal(["stop"], Assert.Single(dialog.Anywhere).Words);
        Assert.Equal(["same"], dialog.KeepWords);
        Assert.Equal(["none"], dialog.NoneWords);
    }

    [Fact]
    public void Without_a_start_the_first_step_starts_and_a_choice_without_a_label_shows_its_value()
    {
        var dialog = DialogLoader.LoadFile(Write(Valid
            .Replace("start: kind\n", "")
            .Replace("{ value: Car, label: By car }", "{ value: Car }")
            .Replace("type: number", "type: Number")));

        Assert.Equal("kind", dialog.Start);
        Assert.Equal(StepType.Number, dialog.Steps["days"].Type);
        Assert.Equal(("Car", "Car"), (dialog.Steps["kind"].Choices[1].Value, dialog.Steps["kind"].Choices[1].Label));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void An_empty_file_is_refused(string yaml)
    {
        var error = Refused(yaml);

        Assert.Contains("the file is empty", error.Message);
    }

    [Fact]
    public void A_yaml_syntax_error_is_refused_with_its_line()
    {
        const string yaml = """
            id: trip
            steps:
              - id: kind
                prompt: "never closed
            """;

        var error = Refused(yaml);

        Assert.Contains($"line {LineOf(yaml, "never closed")}:", error.Message);
        Assert.IsAssignableFrom<YamlDotNet.Core.YamlException>(error.InnerException);
    }

    [Fact]
    public void A_flow_list_left_open_is_refused_with_its_line()
    {
        var error = Refused("id: trip\nkeepWords: [same, again\nsteps: []\n");

        Assert.Contains("line ", error.Message);
    }

    [Theory]
    [InlineData("    prompt: How?", "    promt: How?", "promt")]                                         // a step's field
    [InlineData("start: kind", "strat: kind", "strat")]                                                 // a top-level field
    [InlineData("{ value: Car, label: By car }", "{ value: Car, lable: By car }", "lable")]             // a choice's field
    [InlineData("    action: pause", "    acton: pause", "acton")]                                     // an anywhere entry's field
    [InlineData("    maxLength: 100", "    maxlength: 100", "maxlength")]                              // wrong case
    public void An_unknown_field_is_refused_naming_it_and_its_line(string line, string typo, string field)
    {
        var yaml = Valid.Replace(line, typo);
        var lineNumber = LineOf(yaml, typo);

        var error = Refused(yaml);

        Assert.Contains($"'{field}'", error.Message);
        Assert.Contains($"line {lineNumber}:", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_refused_with_its_line()
    {
        var yaml = Valid.Replace("max: 30", "max: thirty");

        var error = Refused(yaml);

        Assert.Contains($"line {LineOf(yaml, "max: thirty")}:", error.Message);
    }

    /// <summary>The 1-based line of the only line containing <paramref name="text"/>.</summary>
    private static int LineOf(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        Assert.Single(lines, l => l.Contains(text, StringComparison.Ordinal));
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }

    [Fact]
    public void A_list_instead_of_a_map_is_refused()
    {
        var error = Refused("- id: trip\n- steps: []\n");

        Assert.Contains("line 1", error.Message);
    }

    public static TheoryData<string, string> BrokenDialogs => new()
    {
        // no id
        { Valid.Replace("id: trip\n", ""), "the dialog needs an id" },
        { Valid.Replace("id: trip\n", "id: ' '\n"), "the dialog needs an id" },
        // no steps
        { "id: trip\n" + Templates, "the dialog needs at least one step" },
        { "id: trip\nsteps: []\n" + Templates, "the dialog needs at least one step" },
        // a step without an id, or an id used twice
        { Valid.Replace("  - id: days\n", "  - save: nothing\n"), "a step has no id" },
        { Valid.Replace("  - id: note\n", "  - id: days\n").Replace("next: note", "next: days"), "step id 'days' is used twice" },
        // the step's type
        { Valid.Replace("type: number", "type: date"), "step 'days': unknown type 'date'" },
        { Valid.Replace("    type: number\n", ""), "step 'days': unknown type ''" },
        { Valid.Replace("type: number", "type: 9"), "step 'days': unknown type '9'" },
        { Valid.Replace("type: number", "type: 1"), "step 'days': unknown type '1'" },
        { Valid.Replace("type: number", "type: 'number, text'"), "step 'days': unknown type 'number, text'" },
        // a prompt
        { Valid.Replace("    prompt: How many days?\n", ""), "step 'days' has no prompt" },
        { Valid.Replace("prompt: How many days?", "prompt: ''"), "step 'days' has no prompt" },
        // choices
        { Valid.Replace("""
                choices:
                  - { value: Train, label: By train, next: note }
                  - { value: Car, label: By car }

            """, ""), "step 'kind': a choice step needs choices" },
        { Valid.Replace("choices:\n", "choices: []\n").Replace("      - { value: Train, label: By train, next: note }\n      - { value: Car, label: By car }\n", ""),
            "step 'kind': a choice step needs choices" },
        { Valid.Replace("{ value: Car, label: By car }", "{ words: [car] }"), "step 'kind': every choice needs a label or a value" },
        // steps the dialog goes to
        { Valid.Replace("start: kind", "start: nowhere"), "start step 'nowhere' does not exist" },
        { Valid.Replace("    next: days\n", "    next: weeks\n"), "step 'kind': next step 'weeks' does not exist" },
        { Valid.Replace("label: By train, next: note", "label: By train, next: notes"), "step 'kind', choice 'By train': next step 'notes' does not exist" },
        // limits
        { Valid.Replace("maxLength: 100", "maxLength: 0"), "step 'note': maxLength must be positive" },
        { Valid.Replace("    maxLength: 100\n", ""), "step 'note': maxLength must be positive" },
        { Valid.Replace("type: text", "type: links").Replace("maxLength: 100", "maxLength: -1"), "step 'note': maxLength must be positive" },
        { Valid.Replace("min: 1", "min: 31"), "step 'days': min is greater than max" },
        // anywhere words
        { Valid.Replace("  - words: [stop]\n", "  - words: []\n"), "every 'anywhere' entry needs words and an action" },
        { Valid.Replace("  - words: [stop]\n    action: pause\n", "  - words: [stop]\n"), "every 'anywhere' entry needs words and an action" },
        { Valid.Replace("  - words: [stop]\n    action: pause\n", "  - action: pause\n"), "every 'anywhere' entry needs words and an action" },
        // templates
        { Valid.Replace("  help: Help.\n", ""), "missing templates: help." },
        { Valid.Replace("  empty: Please answer.\n", "").Replace("\n  current: Now.", ""), "missing templates: empty, current." },
        { Valid[..Valid.IndexOf("templates:", StringComparison.Ordinal)], "missing templates: " + string.Join(", ", DialogEngine.RequiredTemplates) + "." },
    };

    /// <summary>A list item or a template left empty while editing: refused at start, not a crash in a conversation.</summary>
    public static TheoryData<string, string> EmptyEntries => new()
    {
        { Valid.Replace("steps:\n", "steps:\n  -\n"), "a step has no id" },
        { Valid.Replace("      - { value: Car, label: By car }\n", "      - { value: Car, label: By car }\n      -\n"), "step 'kind': every choice needs a label or a value" },
        { Valid.Replace("anywhere:\n", "anywhere:\n  -\n"), "every 'anywhere' entry needs words and an action" },
        { Valid.Replace("words: [stop]", "words: [stop, ~]"), "an empty word" },
        { Valid.Replace("keepWords: [same]", "keepWords:\n  - same\n  -"), "an empty word" },
        { Valid.Replace("noneWords: [none]", "noneWords: [none, '']"), "an empty word" },
        { Valid.Replace("{ value: Car, label: By car }", "{ value: Car, label: By car, words: [car, ~] }"), "an empty word" },
        { Valid.Replace("  help: Help.", "  help:"), "template 'help' is empty" },
        { Valid.Replace("  current: Now.", "  current: ' '"), "template 'current' is empty" },
        { Valid + "\n  summary:", "template 'summary' is empty" },
    };

    [Theory]
    [MemberData(nameof(BrokenDialogs))]
    [MemberData(nameof(EmptyEntries))]
    public void A_broken_dialog_is_refused_naming_the_file_and_the_problem(string yaml, string problem)
    {
        Assert.NotEqual(Valid, yaml); // each case really changed the valid dialog

        var error = Refused(yaml);

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Two_files_with_the_same_dialog_id_are_refused_naming_both()
    {
        var first = Write(Valid, "a.dialog.yaml");
        var second = Write(Valid, "b.dialog.yaml");

        var error = Assert.Throws<InvalidDataException>(() => DialogLoader.LoadDirectory(_dir.Path, [Trip]));

        Assert.Contains(first, error.Message);
        Assert.Contains(second, error.Message);
        Assert.Contains("dialog id 'trip'", error.Message);
    }

    [Fact]
    public void A_directory_loads_each_dialog_file_and_ignores_other_files()
    {
        Write(Valid, "trip.dialog.yaml");
        Write(Valid.Replace("id: trip", "id: visit"), "visit.dialog.yaml");
        Write("not: a dialog\n", "messages.yaml");
        Write("id: [broken", "notes.txt");

        var dialogs = DialogLoader.LoadDirectory(_dir.Path, [Trip, Trip with { DialogId = "visit" }]);

        Assert.Equal(["trip", "visit"], dialogs.Keys.Order());
        Assert.Equal(_dir.File("visit.dialog.yaml"), dialogs["visit"].File);
    }

    [Fact]
    public void A_broken_file_in_a_directory_is_refused_naming_it()
    {
        Write(Valid, "a.dialog.yaml");
        var broken = Write(Valid.Replace("type: number", "type: date"), "b.dialog.yaml");

        var error = Assert.Throws<InvalidDataException>(() => DialogLoader.LoadDirectory(_dir.Path, [Trip]));

        Assert.Contains(broken, error.Message);
        Assert.Contains("unknown type 'date'", error.Message);
    }

    // ---- Each dialog file against the contract of the code that runs it ----

    private InvalidDataException RefusedByContract(string yaml, params DialogContract[] contracts)
    {
        var path = Write(yaml);
        var error = Assert.Throws<InvalidDataException>(() => DialogLoader.LoadDirectory(_dir.Path, contracts.Length > 0 ? contracts : [Trip]));
        Assert.Contains(path, error.Message);
        return error;
    }

    [Fact]
    public void A_dialog_that_keeps_its_contract_loads_and_help_is_the_engines_own_action()
    {
        Write(Valid.Replace("anywhere:\n", "anywhere:\n  - words: [help]\n    action: help\n")
            .Replace("{ value: Car, label: By car }", "{ value: Car, label: By car, action: submit }"));

        var dialog = DialogLoader.LoadDirectory(_dir.Path, [Trip])["trip"];

        Assert.Equal(["help", "pause"], dialog.Anywhere.Select(a => a.Action));
        Assert.Equal("submit", dialog.Steps["kind"].Choices[1].Action);
    }

    public static TheoryData<string, string> UnknownActions => new()
    {
        { Valid.Replace("{ value: Car, label: By car }", "{ value: Car, label: By car, action: pasue }"), "step 'kind', choice 'By car': unknown action 'pasue' (known: pause, submit)." },
        { Valid.Replace("    action: pause", "    action: pasue"), "anywhere words 'stop': unknown action 'pasue' (known: help, pause, submit)." },
        // The engine runs help only for an anywhere word: a choice would hand it to code that does not handle it.
        { Valid.Replace("{ value: Car, label: By car }", "{ value: Car, label: By car, action: help }"), "step 'kind', choice 'By car': unknown action 'help'" },
    };

    [Theory]
    [MemberData(nameof(UnknownActions))]
    public void An_action_the_code_does_not_handle_is_refused_naming_the_file_the_place_and_the_action(string yaml, string problem)
    {
        var error = RefusedByContract(yaml);

        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("report.dialog.yaml", "    action: pause", "    action: pasue", "anywhere words '稍后, /later': unknown action 'pasue'")]
    [InlineData("report.dialog.yaml", "words: [提交, 确定], action: submit", "words: [提交, 确定], action: sumbit", "step 'confirm', choice '确认': unknown action 'sumbit'")]
    [InlineData("note.dialog.yaml", "label: 取消, action: cancel", "label: 取消, action: cancle", "step 'confirm', choice '取消': unknown action 'cancle'")]
    public void A_misspelt_action_in_a_shipped_dialog_stops_the_start(string file, string line, string typo, string problem)
    {
        foreach (var shipped in Directory.GetFiles(DialogLoader.DefaultDirectory, DialogLoader.FilePattern))
            File.Copy(shipped, _dir.File(Path.GetFileName(shipped)));
        var path = _dir.File(file);
        var yaml = File.ReadAllText(path);
        Assert.Contains(line, yaml);
        File.WriteAllText(path, yaml.Replace(line, typo));

        var error = Assert.Throws<InvalidDataException>(() => DialogLoader.LoadDirectory(_dir.Path, ReportConversation.Dialogs));

        Assert.Equal($"{path}: {problem}", error.Message[..(path.Length + 2 + problem.Length)]);
    }

    public static TheoryData<string, string> BrokenContracts => new()
    {
        // an answer the code does not read, or one it reads that no step saves
        { Valid.Replace("    save: days\n", "    save: weeks\n"), "the code does not read the answer 'weeks' (it reads: days, kind, note)." },
        { Valid.Replace("    save: days\n", ""), "no step saves the answer 'days', which the code reads." },
        // choice values the code parses: none missing, none it does not know
        { Valid.Replace("{ value: Car, label: By car }", "{ value: Bus, label: By bus }"), "step 'kind': the choices' values must be exactly Car, Train, not Bus, Train." },
        { Valid.Replace("{ value: Car, label: By car }", "{ value: Car, label: By car }\n      - { value: Bus, label: By bus }"), "step 'kind': the choices' values must be exactly Car, Train, not Bus, Car, Train." },
    };

    [Theory]
    [MemberData(nameof(BrokenContracts))]
    public void A_dialog_that_breaks_its_contract_is_refused_naming_the_file_and_the_problem(string yaml, string problem)
    {
        Assert.NotEqual(Valid, yaml);

        var error = RefusedByContract(yaml);

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Choice_values_the_code_parses_must_come_from_a_choice_step()
    {
        var error = RefusedByContract(Valid, Trip with { ChoiceValues = new Dictionary<string, IReadOnlySet<string>> { ["days"] = new HashSet<string> { "1" } } });

        Assert.Contains("step 'days' saves 'days', so it must be a choice step.", error.Message);
    }

    [Fact]
    public void A_dialog_the_code_runs_without_a_file_is_refused_naming_the_directory()
    {
        Write(Valid);

        var error = Assert.Throws<InvalidDataException>(() => DialogLoader.LoadDirectory(_dir.Path, [Trip, Trip with { DialogId = "visit" }]));

        Assert.Equal($"{_dir.Path}: no *.dialog.yaml file has the dialog id 'visit'.", error.Message);
    }

    [Fact]
    public void A_dialog_file_no_code_runs_is_refused_naming_it()
    {
        Write(Valid);
        var visit = Write(Valid.Replace("id: trip", "id: visit"), "visit.dialog.yaml");

        var error = Assert.Throws<InvalidDataException>(() => DialogLoader.LoadDirectory(_dir.Path, [Trip]));

        Assert.Equal($"{visit}: no code runs a dialog with the id 'visit' (known: trip).", error.Message);
    }
}
