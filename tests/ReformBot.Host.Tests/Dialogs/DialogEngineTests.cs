using Newtonsoft.Json;
using ReformBot.Host.Bot.Reporting;
using ReformBot.Host.Dialogs;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Dialogs;

/// <summary>
/// The dialog engine on a small trip dialog written here (so each test reads with its dialog), and
/// on the shipped report dialog.
/// </summary>
public sealed class DialogEngineTests : IDisposable
{
    private const string TripYaml = """
        id: trip
        start: kind
        anywhere:
          - words: [stop, 停止]
            action: pause
          - words: [help, 帮助]
            action: help
        keepWords: [同上, same]
        noneWords: [无, none]
        steps:
          - id: kind
            type: choice
            prompt: |-
              Hello {name}, how do you travel?
              {choices}
            save: kind
            next: purpose
            choices:
              - { value: Train, label: 火车, words: [rail, 高铁] }
              - { value: Plane, label: Plane, words: [flight] }
              - { value: Car, label: 汽车, next: days }
              - { value: Cancel, label: Never mind, action: cancel }
          - id: purpose
            type: text
            prompt: Purpose of the trip?
            save: purpose
            maxLength: 10
            next: days
          - id: days
            type: number
            prompt: How many days?
            save: days
            min: 1
            max: 30
            next: share
          - id: share
            type: number
            prompt: Share paid by the project (%)?
            save: share
            optional: true
            min: 0
            max: 100
            next: links
          - id: links
            type: links
            prompt: Links to the tickets?
            save: links
            optional: true
            maxLength: 60
            next: note
          - id: note
            type: text
            prompt: Any note?
            save: note
            optional: true
            maxLength: 200
            next: confirm
          - id: confirm
            type: choice
            prompt: |-
              {summary}
              {choices}
            choices:
              - { value: send, label: Send, action: submit }
              - { value: edit, label: Edit, next: kind }
              - { value: done, label: Done }
        templates:
          summary: |-
            By {kind} for {days} days: {purpose}
            Share {share|not given}; links {links|none}; note {note|-}
            {footer}
          footer: 'Asked by {name} of {team|no team}.'
          empty: Please answer.
          tooLong: 'Too long ({length} > {max}).'
          invalidChoice: 'No choice "{input}".'
          invalidNumber: '"{input}" is not a number from {min} to {maxNumber}.'
          invalidLinks: 'Send http(s) links, at most {max} characters.'
          help: 'Help for {name}.'
          current: '(now {current})'
          nothingOffered: 'Nothing to keep.'
          literal: 'Dear {nobody}, {name|someone}, {missing|fallback}, {blank|was blank}, {note}.'
          loop: 'again {loop}'
        """;

    /// <summary>A dialog of one text step without a next step.</summary>
    private const string OneYaml = """
        id: one
        steps:
          - id: only
            type: text
            prompt: Say something.
            save: said
            maxLength: 20
        templates:
          empty: E
          tooLong: L
          invalidChoice: C
          invalidNumber: N
          invalidLinks: K
          help: H
          current: R
          nothingOffered: O
        """;

    private static readonly Dictionary<string, string> Context = new() { ["name"] = "Ann", ["blank"] = "" };

    private readonly TempDirectory _dir = new();
    private readonly DialogEngine _engine;

    public DialogEngineTests()
    {
        _engine = new DialogEngine(new Dictionary<string, DialogDefinition>
        {
            ["trip"] = Load("trip", TripYaml),
            ["one"] = Load("one", OneYaml),
        });
    }

    public void Dispose() => _dir.Dispose();

    private DialogDefinition Load(string name, string yaml)
    {
        var path = _dir.File(name + ".dialog.yaml");
        File.WriteAllText(path, yaml);
        return DialogLoader.LoadFile(path);
    }

    private const string KindPrompt = "Hello Ann, how do you travel?\n1. 火车\n2. Plane\n3. 汽车\n4. Never mind";

    private DialogState StartTrip(IReadOnlyDictionary<string, string>? values = null) => _engine.Start("trip", Context, values).State;

    /// <summary>The trip dialog at <paramref name="step"/> with <paramref name="values"/> answered.</summary>
    private static DialogState At(string step, params (string Name, string Value)[] values) => new()
    {
        DialogId = "trip",
        StepId = step,
        Context = new Dictionary<string, string>(Context),
        Values = values.ToDictionary(v => v.Name, v => v.Value),
    };

    private static Dictionary<string, string> Copy(DialogState state) => new(state.Values);

    /// <summary>The answer was refused: the same step again, nothing saved, no action.</summary>
    private static void AssertRefused(DialogTurn turn, string step, Dictionary<string, string> valuesBefore, params string[] replies)
    {
        Assert.Equal(replies, turn.Replies);
        Assert.Equal(step, turn.State.StepId);
        Assert.Equal(valuesBefore, turn.State.Values);
        Assert.Equal(DialogTurnStatus.Waiting, turn.Status);
    }

    // ---- Start and choices ----

    [Fact]
    public void Start_renders_the_first_prompt_with_the_context_and_the_numbered_choices()
    {
        var turn = _engine.Start("trip", Context);

        Assert.Equal([KindPrompt], turn.Replies);
        Assert.Equal("trip", turn.State.DialogId);
        Assert.Equal("kind", turn.State.StepId);
        Assert.Empty(turn.State.Values);
        Assert.Equal(Context, turn.State.Context);
        Assert.Equal(DialogTurnStatus.Waiting, turn.Status);
    }

    [Fact]
    public void Start_copies_the_context_and_the_values_it_is_given()
    {
        var context = new Dictionary<string, string>(Context);
        var values = new Dictionary<string, string> { ["purpose"] = "Visit" };

        var state = _engine.Start("trip", context, values).State;
        context["name"] = "Bob";
        values["purpose"] = "changed";

        Assert.Equal("Ann", state.Context["name"]);
        Assert.Equal("Visit", state.Values["purpose"]);
    }

    [Theory]
    [InlineData("1", "Train")]
    [InlineData("2", "Plane")]
    [InlineData(" 2 ", "Plane")]
    [InlineData("2.", "Plane")]
    [InlineData("2、", "Plane")]
    [InlineData("２", "Plane")]      // full-width digit
    [InlineData("１", "Train")]
    [InlineData("火车", "Train")]     // label
    [InlineData("Plane", "Plane")]
    [InlineData("plane", "Plane")]   // any case
    [InlineData("PLANE", "Plane")]
    [InlineData("ＰＬＡＮＥ", "Plane")] // full-width letters
    [InlineData("高铁", "Train")]     // an extra word
    [InlineData("Rail", "Train")]
    [InlineData("FLIGHT", "Plane")]
    public void A_choice_is_taken_by_number_label_or_word(string input, string value)
    {
        var turn = _engine.Continue(StartTrip(), input);

        Assert.Equal(value, turn.State.Values["kind"]);
        Assert.Equal("purpose", turn.State.StepId);
        Assert.Equal(["Purpose of the trip?"], turn.Replies);
        Assert.Equal(DialogTurnStatus.Waiting, turn.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("boat")]
    [InlineData("火")]
    [InlineData("1 2")]
    [InlineData("Plane!")]
    public void An_invalid_choice_repeats_the_question_and_changes_nothing(string input)
    {
        var state = StartTrip(new Dictionary<string, string> { ["purpose"] = "Visit" });
        var before = Copy(state);

        var turn = _engine.Continue(state, input);

        AssertRefused(turn, "kind", before, $"No choice \"{input}\".", KindPrompt);
    }

    [Fact]
    public void The_invalid_choice_text_shows_the_answer_trimmed()
    {
        var turn = _engine.Continue(StartTrip(), "  boat \n");

        Assert.Equal("No choice \"boat\".", turn.Replies[0]);
    }

    [Fact]
    public void A_choice_with_an_action_hands_it_back_without_moving()
    {
        var turn = _engine.Continue(StartTrip(), "never MIND");

        Assert.Equal("cancel", turn.Action);
        Assert.Equal("kind", turn.State.StepId);
        Assert.Empty(turn.Replies);
        Assert.Equal(DialogTurnStatus.Action, turn.Status);
    }

    [Fact]
    public void A_choice_with_a_next_step_jumps_there()
    {
        var turn = _engine.Continue(StartTrip(), "3");

        Assert.Equal("days", turn.State.StepId);
        Assert.Equal("Car", turn.State.Values["kind"]);
        Assert.Equal(["How many days?"], turn.Replies);
    }

    [Fact]
    public void A_choice_with_a_next_step_goes_back_and_keeps_the_answers()
    {
        var state = At("confirm", ("kind", "Plane"), ("purpose", "Visit"), ("days", "3"));

        var turn = _engine.Continue(state, "Edit");

        Assert.Equal("kind", turn.State.StepId);
        Assert.Equal([KindPrompt], turn.Replies);
        Assert.Equal("Visit", turn.State.Values["purpose"]);
    }

    [Fact]
    public void A_choice_without_a_next_step_on_a_step_without_one_ends_the_dialog()
    {
        var turn = _engine.Continue(At("confirm", ("kind", "Plane")), "done");

        Assert.Equal(DialogTurnStatus.Completed, turn.Status);
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public void A_step_without_a_next_step_ends_the_dialog_after_a_valid_answer()
    {
        var state = _engine.Start("one", new Dictionary<string, string>()).State;

        var empty = _engine.Continue(state, " ");
        Assert.Equal(DialogTurnStatus.Waiting, empty.Status);
        Assert.Equal(["E", "Say something."], empty.Replies);

        var turn = _engine.Continue(state, "hello");

        Assert.Equal(DialogTurnStatus.Completed, turn.Status);
        Assert.Empty(turn.Replies);
        Assert.Equal("hello", turn.State.Values["said"]);
    }

    [Fact]
    public void The_whole_trip_is_walked_to_its_submit_action()
    {
        var state = StartTrip();
        string[] answers = ["高铁", "Meet Bob", "3", "50%", "https://a.example/t1", "无"];
        foreach (var answer in answers)
        {
            var turn = _engine.Continue(state, answer);
            Assert.Equal(DialogTurnStatus.Waiting, turn.Status);
            Assert.Single(turn.Replies);
            state = turn.State;
        }

        Assert.Equal("confirm", state.StepId);
        Assert.Equal(new Dictionary<string, string>
        {
            ["kind"] = "Train", ["purpose"] = "Meet Bob", ["days"] = "3", ["share"] = "50", ["links"] = "https://a.example/t1", ["note"] = "",
        }, state.Values);
        Assert.Equal(
            "By 火车 for 3 days: Meet Bob\nShare 50; links https://a.example/t1; note -\nAsked by Ann of no team.\n1. Send\n2. Edit\n3. Done",
            _engine.Prompt(state));
        Assert.Equal("submit", _engine.Continue(state, "SEND").Action);
    }

    // ---- Text steps ----

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    [InlineData("\u3000")]   // an ideographic space
    public void An_empty_answer_repeats_the_question(string input)
    {
        var state = At("purpose", ("kind", "Plane"));

        var turn = _engine.Continue(state, input);

        AssertRefused(turn, "purpose", new() { ["kind"] = "Plane" }, "Please answer.", "Purpose of the trip?");
    }

    [Theory]
    [InlineData("abcdefghij", true)]        // exactly maxLength 10
    [InlineData("  abcdefghij \n", true)]   // outer white space does not count
    [InlineData("一二三四五六七八九十", true)]
    [InlineData("abcdefghijk", false)]      // 11
    [InlineData("一二三四五六七八九十一", false)]
    public void A_text_may_be_at_most_max_length_characters(string input, bool accepted)
    {
        var state = At("purpose", ("kind", "Plane"));

        var turn = _engine.Continue(state, input);

        if (accepted)
        {
            Assert.Equal("days", turn.State.StepId);
            Assert.Equal(input.Trim(), turn.State.Values["purpose"]);
        }
        else
        {
            AssertRefused(turn, "purpose", new() { ["kind"] = "Plane" }, "Too long (11 > 10).", "Purpose of the trip?");
        }
    }

    [Theory]
    [InlineData("  line one\n  line two \n\n", "line one\n  line two")]
    [InlineData("\r\n第一行\r\n\r\n第二行\r\n", "第一行\r\n\r\n第二行")]
    [InlineData("８０％ ＡＢＣ", "８０％ ＡＢＣ")]    // saved as typed, not folded
    [InlineData("{purpose} {name}", "{purpose} {name}")]
    public void A_text_is_saved_as_typed_without_its_outer_white_space(string input, string saved)
    {
        var turn = _engine.Continue(At("note"), input);

        Assert.Equal(saved, turn.State.Values["note"]);
        Assert.Equal("confirm", turn.State.StepId);
    }

    [Fact]
    public void A_none_word_is_a_normal_answer_at_a_step_that_is_not_optional()
    {
        var turn = _engine.Continue(At("purpose"), "无");

        Assert.Equal("无", turn.State.Values["purpose"]);
        Assert.Equal("days", turn.State.StepId);
    }

    // ---- Number steps ----

    [Theory]
    [InlineData("1", "1")]
    [InlineData("30", "30")]
    [InlineData(" 7 ", "7")]
    [InlineData("０７", "7")]
    [InlineData("15%", "15")]
    [InlineData("１５％", "15")]
    public void A_number_in_range_is_saved(string input, string saved)
    {
        var turn = _engine.Continue(At("days"), input);

        Assert.Equal(saved, turn.State.Values["days"]);
        Assert.Equal("share", turn.State.StepId);
        Assert.Equal(["Share paid by the project (%)?"], turn.Replies);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("three")]
    [InlineData("三")]
    [InlineData("3 days")]
    [InlineData("99999999999")]
    [InlineData("无")]   // not optional
    public void Anything_else_at_a_number_step_is_refused(string input)
    {
        var turn = _engine.Continue(At("days"), input);

        AssertRefused(turn, "days", [], $"\"{input}\" is not a number from 1 to 30.", "How many days?");
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("100", "100")]
    [InlineData("80%", "80")]
    [InlineData("８０％", "80")]
    [InlineData("无", "")]
    [InlineData("none", "")]
    [InlineData("NONE", "")]
    public void A_percentage_is_saved_as_its_number_and_a_none_word_leaves_an_optional_step_empty(string input, string saved)
    {
        var turn = _engine.Continue(At("share", ("share", "40")), input);

        Assert.Equal(saved, turn.State.Values["share"]);
        Assert.Equal("links", turn.State.StepId);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("%")]
    public void A_percentage_out_of_range_is_refused(string input)
    {
        var turn = _engine.Continue(At("share"), input);

        Assert.Equal($"\"{input}\" is not a number from 0 to 100.", turn.Replies[0]);
        Assert.Equal("share", turn.State.StepId);
        Assert.Empty(turn.State.Values);
    }

    // ---- Links steps ----

    [Theory]
    [InlineData("http://a.example", "http://a.example")]
    [InlineData("https://a.example/x?y=1", "https://a.example/x?y=1")]
    [InlineData("http://a.example https://b.example", "http://a.example\nhttps://b.example")]
    [InlineData("http://a.example\nhttps://b.example", "http://a.example\nhttps://b.example")]
    [InlineData(" http://a.example \r\n\r\n https://b.example ", "http://a.example\nhttps://b.example")]
    [InlineData("http://a.example、https://b.example", "http://a.example\nhttps://b.example")]
    [InlineData("http://a.example，https://b.example", "http://a.example\nhttps://b.example")]
    [InlineData("http://a.example, https://b.example", "http://a.example\nhttps://b.example")]
    [InlineData("HTTPS://A.EXAMPLE", "HTTPS://A.EXAMPLE")]
    [InlineData("无", "")]
    public void Http_links_are_saved_one_a_line(string input, string saved)
    {
        var turn = _engine.Continue(At("links"), input);

        Assert.Equal(saved, turn.State.Values["links"]);
        Assert.Equal("note", turn.State.StepId);
    }

    [Theory]
    [InlineData("ftp://a.example")]
    [InlineData("see the attachment")]
    [InlineData("a.example")]
    [InlineData("www.a.example")]
    [InlineData("http://a.example ftp://b.example")]
    [InlineData("http://a.example and more")]
    [InlineData("mailto:ann@a.example")]
    [InlineData("/home/ann/ticket.pdf")]
    [InlineData("http://")]
    public void Anything_but_http_links_is_refused(string input)
    {
        var turn = _engine.Continue(At("links"), input);

        AssertRefused(turn, "links", [], "Send http(s) links, at most 60 characters.", "Links to the tickets?");
    }

    [Fact]
    public void Links_may_take_at_most_max_length_characters()
    {
        var exactly = "https://a.example/" + new string('x', 42);
        Assert.Equal(60, exactly.Length);

        var accepted = _engine.Continue(At("links"), exactly);
        Assert.Equal(exactly, accepted.State.Values["links"]);

        var refused = _engine.Continue(At("links"), exactly + "y");
        AssertRefused(refused, "links", [], "Too long (61 > 60).", "Links to the tickets?");

        var several = _engine.Continue(At("links"), "https://a.example/1234567890 https://b.example/1234567890 http://c.example");
        Assert.Equal("links", several.State.StepId);
        Assert.Equal("Too long (74 > 60).", several.Replies[0]);
    }

    // ---- Keep and none words ----

    [Fact]
    public void A_keep_word_keeps_the_earlier_answer()
    {
        var state = At("purpose", ("kind", "Plane"), ("purpose", "Visit Bob"));
        Assert.Equal("Purpose of the trip?\n(now Visit Bob)", _engine.Prompt(state));

        var turn = _engine.Continue(state, "同上");

        Assert.Equal("Visit Bob", turn.State.Values["purpose"]);
        Assert.Equal("days", turn.State.StepId);
    }

    [Theory]
    [InlineData("days", "12", "SAME")]
    [InlineData("links", "https://a.example\nhttps://b.example", "same")]
    [InlineData("share", "40", " 同上 ")]
    public void A_keep_word_keeps_the_earlier_answer_of_any_kind_of_step(string step, string earlier, string input)
    {
        var turn = _engine.Continue(At(step, (step, earlier)), input);

        Assert.Equal(earlier, turn.State.Values[step]);
        Assert.NotEqual(step, turn.State.StepId);
    }

    [Fact]
    public void Without_an_earlier_answer_a_keep_word_is_refused_and_never_saved_as_the_answer()
    {
        var text = _engine.Continue(At("purpose"), "同上");
        AssertRefused(text, "purpose", [], "Nothing to keep.", "Purpose of the trip?");

        var number = _engine.Continue(At("days"), "同上");
        AssertRefused(number, "days", [], "Nothing to keep.", "How many days?");
    }

    [Fact]
    public void An_empty_earlier_answer_is_not_kept_so_a_required_step_is_never_left_empty()
    {
        var state = At("purpose", ("purpose", ""));
        Assert.Equal("Purpose of the trip?", _engine.Prompt(state));

        var text = _engine.Continue(state, "同上");

        AssertRefused(text, "purpose", new() { ["purpose"] = "" }, "Nothing to keep.", "Purpose of the trip?");

        var number = _engine.Continue(At("days", ("days", "")), "同上");
        AssertRefused(number, "days", new() { ["days"] = "" }, "Nothing to keep.", "How many days?");
    }

    [Fact]
    public void A_none_word_empties_an_optional_step_answered_before()
    {
        var turn = _engine.Continue(At("links", ("links", "https://a.example")), "none");

        Assert.Equal("", turn.State.Values["links"]);
        Assert.Equal("note", turn.State.StepId);
    }

    // ---- Anywhere words ----

    [Theory]
    [InlineData("kind", "stop")]
    [InlineData("purpose", "STOP")]
    [InlineData("days", "停止")]
    [InlineData("links", " ｓｔｏｐ ")]
    [InlineData("confirm", "Stop")]
    public void An_anywhere_word_hands_back_its_action_and_changes_nothing(string step, string input)
    {
        var state = At(step, ("kind", "Plane"), ("purpose", "Visit"));

        var turn = _engine.Continue(state, input);

        Assert.Equal("pause", turn.Action);
        Assert.Empty(turn.Replies);
        Assert.Equal(DialogTurnStatus.Action, turn.Status);
        Assert.Equal(step, turn.State.StepId);
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "Plane", ["purpose"] = "Visit" }, turn.State.Values);
    }

    [Theory]
    [InlineData("kind", KindPrompt)]
    [InlineData("purpose", "Purpose of the trip?\n(now Visit)")]
    [InlineData("days", "How many days?")]
    public void Help_shows_the_help_text_and_asks_again(string step, string prompt)
    {
        var state = At(step, ("kind", "Plane"), ("purpose", "Visit"));

        var turn = _engine.Continue(state, "帮助");

        AssertRefused(turn, step, new() { ["kind"] = "Plane", ["purpose"] = "Visit" }, "Help for Ann.", prompt);
    }

    // ---- Prompts and templates ----

    [Fact]
    public void A_prompt_shows_the_current_answer_of_value_steps_only()
    {
        Assert.Equal("How many days?\n(now 4)", _engine.Prompt(At("days", ("days", "4"))));
        Assert.Equal("Links to the tickets?\n(now https://a.example)", _engine.Prompt(At("links", ("links", "https://a.example"))));
        Assert.Equal("Share paid by the project (%)?", _engine.Prompt(At("share", ("share", ""))));
        Assert.Equal(KindPrompt, _engine.Prompt(At("kind", ("kind", "Plane"))));
        Assert.Equal("Purpose of the trip?", _engine.Prompt(At("purpose", ("note", "a note"))));
    }

    [Fact]
    public void Templates_nest_and_show_a_saved_choice_by_its_label()
    {
        var state = At("confirm", ("kind", "Car"), ("purpose", "Visit"), ("days", "2"), ("share", "10"), ("links", "http://a.example"), ("note", "ok"));
        state.Context["team"] = "Ops";

        Assert.Equal("By 汽车 for 2 days: Visit\nShare 10; links http://a.example; note ok\nAsked by Ann of Ops.", _engine.RenderTemplate(state, "summary"));
        Assert.Equal("Asked by Ann of Ops.", _engine.RenderTemplate(state, "footer"));
    }

    [Fact]
    public void A_fallback_shows_for_an_empty_or_missing_value()
    {
        var state = At("confirm", ("kind", "Plane"), ("purpose", ""), ("share", ""));

        Assert.Equal("By Plane for {days} days: \nShare not given; links none; note -\nAsked by Ann of no team.", _engine.RenderTemplate(state, "summary"));
    }

    [Fact]
    public void Unknown_placeholders_are_left_as_they_are()
    {
        var state = At("confirm", ("note", "a note"));

        Assert.Equal("Dear {nobody}, Ann, fallback, was blank, a note.", _engine.RenderTemplate(state, "literal"));
    }

    [Fact]
    public void A_template_that_names_itself_stops_nesting()
    {
        var text = _engine.RenderTemplate(At("confirm"), "loop");

        Assert.StartsWith("again again ", text);
        Assert.EndsWith("again {loop}", text);
    }

    [Theory]
    [InlineData("{days}")]
    [InlineData("{summary}")]
    [InlineData("{name|x}")]
    [InlineData("{footer}")]
    public void Placeholders_typed_by_the_user_are_shown_literally(string typed)
    {
        var state = At("confirm", ("kind", "Plane"), ("purpose", typed), ("days", "2"), ("note", typed + " {purpose}"));

        var summary = _engine.RenderTemplate(state, "summary");

        Assert.Equal($"By Plane for 2 days: {typed}\nShare not given; links none; note {typed} {{purpose}}\nAsked by Ann of no team.", summary);
        Assert.Equal($"Purpose of the trip?\n(now {typed})", _engine.Prompt(At("purpose", ("purpose", typed))));
        Assert.Equal($"No choice \"{typed}\".", _engine.Continue(At("kind"), typed).Replies[0]);
    }

    // ---- State kept between turns ----

    public static TheoryData<string> Serializers => new() { "default", "botStorage" };

    [Theory]
    [MemberData(nameof(Serializers))]
    public void The_state_round_trips_through_json_and_the_dialog_goes_on_from_it(string serializer)
    {
        // As the bot's storage (LiteDbBotStorage, like the SDK's MemoryStorage) writes it: with type names.
        var settings = serializer == "botStorage"
            ? new JsonSerializerSettings
            {
                TypeNameHandling = TypeNameHandling.All,
                TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Simple,
                DateParseHandling = DateParseHandling.None,
            }
            : new JsonSerializerSettings();
        var state = StartTrip();
        state.Context["when"] = "2026-12-31T10:00:00";
        state = _engine.Continue(state, "2").State;
        state = _engine.Continue(state, "  Go\n{name} ").State;

        var json = JsonConvert.SerializeObject(state, settings);
        var restored = JsonConvert.DeserializeObject<DialogState>(json, settings)!;

        Assert.Equal(state.DialogId, restored.DialogId);
        Assert.Equal(state.StepId, restored.StepId);
        Assert.Equal(state.Values, restored.Values);
        Assert.Equal(state.Context, restored.Context);
        Assert.Equal("days", restored.StepId);
        Assert.Equal("Go\n{name}", restored.Values["purpose"]);
        Assert.Equal("2026-12-31T10:00:00", restored.Context["when"]);

        Assert.Equal("How many days?", _engine.Prompt(restored));
        var turn = _engine.Continue(restored, "５");
        Assert.Equal("share", turn.State.StepId);
        Assert.Equal("5", turn.State.Values["days"]);
        Assert.Equal("Plane", turn.State.Values["kind"]);
        Assert.Equal("By Plane for 5 days: Go\n{name}\nShare not given; links none; note -\nAsked by Ann of no team.", _engine.RenderTemplate(turn.State, "summary"));
    }

    [Fact]
    public void A_state_read_from_json_written_by_hand_goes_on()
    {
        var restored = JsonConvert.DeserializeObject<DialogState>(
            """{"DialogId":"trip","StepId":"confirm","Values":{"kind":"Train","days":"2"},"Context":{"name":"Zoe"}}""")!;

        Assert.Equal("By 火车 for 2 days: {purpose}\nShare not given; links none; note -\nAsked by Zoe of no team.\n1. Send\n2. Edit\n3. Done", _engine.Prompt(restored));
        Assert.Equal("submit", _engine.Continue(restored, "1").Action);
    }

    // ---- The shipped report dialog ----

    private static readonly DialogEngine Report = new(DialogLoader.LoadDirectory(DialogLoader.DefaultDirectory, ReportConversation.Dialogs));

    private static readonly Dictionary<string, string> ReportContext = new()
    {
        ["taskNumber"] = "61",
        ["taskText"] = "推进科技成果转化",
        ["department"] = "科技厅",
        ["period"] = "2026年第4季度",
        ["deadline"] = "2027年1月10日",
        ["planDeadline"] = "2018年底前",
        ["lastAnswer"] = "上季度未汇报",
        ["position"] = "1",
        ["count"] = "2",
        ["supportNotes"] = "",
    };

    private static DialogTurn Answer(DialogState state, params string[] answers)
    {
        DialogTurn? turn = null;
        foreach (var answer in answers)
        {
            turn = Report.Continue(state, answer);
            Assert.Equal(DialogTurnStatus.Waiting, turn.Status);
            state = turn.State;
        }
        return turn!;
    }

    [Fact]
    public void The_report_dialog_starts_with_the_task_and_the_statuses()
    {
        var turn = Report.Start("report", ReportContext);

        Assert.Equal(
            """
            【1/2】第 61 项（科技厅牵头，2026年第4季度）
            推进科技成果转化
            计划期限：2018年底前；本季度汇报截止：2027年1月10日
            上季度未汇报
            请选择本季度进展状态（回复数字或文字）：
            1. 已完成
            2. 按计划推进
            3. 滞后
            4. 未启动
            也可一条消息填完：每行“状态：滞后”“进展：……”“问题：……”“下一步：……”，可选“进度：40”“佐证：链接”。
            """.ReplaceLineEndings("\n"),
            Assert.Single(turn.Replies));
    }

    [Fact]
    public void A_report_is_answered_confirmed_and_submitted()
    {
        var state = Report.Start("report", ReportContext).State;

        var confirm = Answer(state, "正常推进", " 召开推进会 ", "见 {progress}", "下季度验收", "８０％", "无");

        Assert.Equal("confirm", confirm.State.StepId);
        var summary = Assert.Single(confirm.Replies);
        Assert.Contains(
            """
            · 状态：按计划推进
            · 进展情况：召开推进会
            · 存在问题：见 {progress}
            · 下一步工作思路：下季度验收
            · 完成进度（%）：80
            · 佐证材料：无
            """.ReplaceLineEndings("\n"), summary);
        Assert.StartsWith("请核对第 61 项：", summary);
        Assert.EndsWith("确认 / 修改 / 跳过？", summary);
        Assert.Equal(new Dictionary<string, string>
        {
            ["status"] = "OnTrack", ["progress"] = "召开推进会", ["problems"] = "见 {progress}", ["nextSteps"] = "下季度验收", ["percent"] = "80", ["evidence"] = "",
        }, confirm.State.Values);

        var submit = Report.Continue(confirm.State, "确定");
        Assert.Equal("submit", submit.Action);
        Assert.Equal(DialogTurnStatus.Action, submit.Status);
    }

    [Fact]
    public void A_report_without_percent_shows_it_as_not_filled_and_lists_its_links()
    {
        var state = Report.Start("report", ReportContext).State;

        var confirm = Answer(state, "1", "完成", "无", "无", "不填", "https://a.example/1、https://a.example/2");

        Assert.Contains("· 状态：已完成\n", confirm.Replies[0]);
        Assert.Contains("· 完成进度（%）：未填\n", confirm.Replies[0]);
        Assert.Contains("· 佐证材料：https://a.example/1\nhttps://a.example/2", confirm.Replies[0]);
        Assert.Equal("", confirm.State.Values["percent"]);
        Assert.Equal("无", confirm.State.Values["problems"]);
    }

    [Fact]
    public void Editing_a_report_goes_back_to_the_status_and_offers_to_keep_each_answer()
    {
        var state = Report.Start("report", ReportContext, new Dictionary<string, string>
        {
            ["status"] = "Behind", ["progress"] = "旧进展", ["problems"] = "无", ["nextSteps"] = "旧思路", ["percent"] = "", ["evidence"] = "",
        }).State;

        var progress = Answer(state, "3");
        Assert.Equal("请填写本季度进展情况（做了哪些工作、取得什么成效）：\n（当前填写：旧进展；保持不变请回复“同上”）", Assert.Single(progress.Replies));

        var confirm = Answer(progress.State, "同上", "不变", "新思路", "无", "无");
        Assert.Contains("· 进展情况：旧进展\n· 存在问题：无\n· 下一步工作思路：新思路", confirm.Replies[0]);

        var edit = Report.Continue(confirm.State, "修改");
        Assert.Equal("status", edit.State.StepId);
        Assert.Equal(DialogTurnStatus.Waiting, edit.Status);
        Assert.Equal("旧进展", edit.State.Values["progress"]);
    }

    [Theory]
    [InlineData("跳过", "skip")]
    [InlineData("/skip", "skip")]
    [InlineData("稍后", "pause")]
    [InlineData("取消", "cancel")]
    [InlineData("/CANCEL", "cancel")]
    public void The_report_words_that_work_anywhere_hand_back_their_action(string input, string action)
    {
        var state = Answer(Report.Start("report", ReportContext).State, "4").State;

        var turn = Report.Continue(state, input);

        Assert.Equal((DialogTurnStatus.Action, action), (turn.Status, turn.Action));
        Assert.Equal("progress", turn.State.StepId);
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public void The_report_help_and_refusals_use_the_dialog_texts()
    {
        var state = Answer(Report.Start("report", ReportContext).State, "4").State;
        var prompt = "请填写本季度进展情况（做了哪些工作、取得什么成效）：";

        var help = Report.Continue(state, "帮助");
        Assert.StartsWith("正在汇报第 61 项。随时可以回复：", help.Replies[0]);
        Assert.Equal(prompt, help.Replies[1]);

        Assert.Equal(["回复不能为空。", prompt], Report.Continue(state, " ").Replies);
        Assert.Equal(["内容太长：5001 字，上限 5000 字，这条没有保存（之前填写的都还在）。请精简到 5000 字以内后重新发送。", prompt], Report.Continue(state, new string('长', 5001)).Replies);
        Assert.Equal("progress", state.StepId);
        Assert.Equal("nextSteps", Answer(state, new string('长', 5000), "无").State.StepId);

        var status = Report.Start("report", ReportContext).State;
        Assert.StartsWith("没有“5”这个选项，请回复选项前的数字或选项文字。\n", string.Join("\n", Report.Continue(status, "5").Replies));
    }

    [Fact]
    public void The_report_refuses_a_percent_out_of_range_and_a_link_that_is_not_http()
    {
        var percent = Answer(Report.Start("report", ReportContext).State, "2", "a", "b", "c").State;
        Assert.Equal("percent", percent.StepId);

        Assert.Equal("“101”不是 0–100 之间的整数。不填请回复“无”。", Report.Continue(percent, "101").Replies[0]);
        var evidence = Report.Continue(percent, "100%").State;
        Assert.Equal("evidence", evidence.StepId);

        Assert.StartsWith("请发送以 http:// 或 https:// 开头的链接", Report.Continue(evidence, "ftp://a.example").Replies[0]);
        Assert.Equal("evidence", evidence.StepId);
    }
}
