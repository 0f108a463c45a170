using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;
using ReformBot.Host.Bot.State;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Bot.State;

public sealed class LiteDbBotStorageTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private LiteDbStore _store;
    private LiteDbBotStorage _storage;

    public LiteDbBotStorageTests()
    {
        _store = new LiteDbStore(_dir.DatabasePath);
        _storage = new LiteDbBotStorage(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    // ---- reading and creating ----

    [Fact]
    public async Task Reading_unknown_keys_returns_an_empty_dictionary()
    {
        var items = await _storage.ReadAsync(["unknown", "also unknown"]);
        Assert.Empty(items);
        Assert.Empty(await _storage.ReadAsync([]));
    }

    [Fact]
    public async Task A_new_store_item_gets_an_etag_and_values_come_back_as_their_types()
    {
        var note = new Note { Text = "第一稿", Count = 1 };
        await _storage.WriteAsync(new Dictionary<string, object>
        {
            ["note"] = note,
            ["plain"] = new Plain { Text = "no etag here" },
        });

        var items = await _storage.ReadAsync(["note", "plain", "missing"]);

        Assert.Equal(["note", "plain"], items.Keys.Order());
        var read = Assert.IsType<Note>(items["note"]);
        Assert.Equal("第一稿", read.Text);
        Assert.Equal(1, read.Count);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.NotEqual("*", read.ETag);
        Assert.Equal("no etag here", Assert.IsType<Plain>(items["plain"]).Text);
        // As in MemoryStorage, the object handed to the write keeps its ETag; a read gives the new one.
        Assert.Null(note.ETag);
    }

    [Fact]
    public async Task Every_read_returns_fresh_objects()
    {
        await Write("k", new Note { Text = "stored" });

        var first = await ReadNote("k");
        first.Text = "changed in memory";

        Assert.Equal("stored", (await ReadNote("k")).Text);
    }

    // ---- ETags ----

    [Fact]
    public async Task Writing_with_the_current_etag_succeeds_and_gives_a_new_etag()
    {
        await Write("k", new Note { Text = "v1" });
        var v1 = await ReadNote("k");

        v1.Text = "v2";
        await Write("k", v1);
        var v2 = await ReadNote("k");

        Assert.Equal("v2", v2.Text);
        Assert.False(string.IsNullOrEmpty(v2.ETag));
        Assert.NotEqual(v1.ETag, v2.ETag);
    }

    [Fact]
    public async Task A_stale_etag_fails_and_changes_nothing()
    {
        await Write("k", new Note { Text = "v1" });
        var stale = await ReadNote("k");
        var current = await ReadNote("k");
        current.Text = "v2";
        await Write("k", current);
        var before = await ReadNote("k");

        stale.Text = "lost update";
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Write("k", stale));

        Assert.StartsWith("Etag conflict.", e.Message);
        Assert.Contains(stale.ETag!, e.Message);
        Assert.Contains(before.ETag!, e.Message);
        var after = await ReadNote("k");
        Assert.Equal("v2", after.Text);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task A_wildcard_etag_overwrites_whatever_is_stored()
    {
        await Write("k", new Note { Text = "v1" });
        var before = await ReadNote("k");

        await Write("k", new Note { Text = "forced", ETag = "*" });

        var after = await ReadNote("k");
        Assert.Equal("forced", after.Text);
        Assert.NotEqual("*", after.ETag);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Theory]
    [InlineData("")]   // StorageBaseTests: "write with empty etag should not work"
    [InlineData(null)] // a blind write over an existing item (MemoryStorage refuses it too)
    [InlineData("not-an-etag-of-this-store")]
    public async Task An_etag_other_than_the_current_one_or_a_wildcard_fails_on_an_existing_key(string? etag)
    {
        await Write("k", new Note { Text = "v1" });

        await Assert.ThrowsAsync<ArgumentException>(() => Write("k", new Note { Text = "v2", ETag = etag }));

        Assert.Equal("v1", (await ReadNote("k")).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("*")]
    [InlineData("an-etag-from-a-deleted-item")]
    public async Task Any_etag_creates_a_key_that_does_not_exist(string? etag)
    {
        await Write("new", new Note { Text = "created", ETag = etag });

        var created = await ReadNote("new");
        Assert.Equal("created", created.Text);
        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.NotEqual(etag, created.ETag);
    }

    [Fact]
    public async Task Values_that_are_not_store_items_are_written_unconditionally()
    {
        await Write("poco", new Plain { Text = "v1" });
        await Write("poco", new Plain { Text = "v2" });
        await Write("bag", new Dictionary<string, object> { ["ETag"] = "stale", ["n"] = 1 });
        await Write("bag", new Dictionary<string, object> { ["ETag"] = "staler", ["n"] = 2 });

        var items = await _storage.ReadAsync(["poco", "bag"]);
        Assert.Equal("v2", Assert.IsType<Plain>(items["poco"]).Text);
        var bag = Assert.IsType<Dictionary<string, object>>(items["bag"]);
        Assert.Equal("staler", bag["ETag"]);
        Assert.Equal(2L, bag["n"]);
    }

    [Fact]
    public async Task A_jobject_is_stored_as_is_and_its_eTag_property_guards_the_key_as_in_MemoryStorage()
    {
        // A stored item's ETag ...
        await Write("j", new Note { Text = "item" });
        // ... does not stop a JObject, whatever eTag it carries: only IStoreItem values are checked.
        await Write("j", JObject.Parse("""{"Text":"json","eTag":"from-json"}"""));

        var read = Assert.IsType<JObject>((await _storage.ReadAsync(["j"]))["j"]);
        Assert.Equal("""{"Text":"json","eTag":"from-json"}""", read.ToString(Newtonsoft.Json.Formatting.None));

        // MemoryStorage reads the stored ETag from the stored JSON's "eTag", so a store item must now name it.
        await Assert.ThrowsAsync<ArgumentException>(() => Write("j", new Note { Text = "other", ETag = "x" }));
        await Write("j", new Note { Text = "matching", ETag = "from-json" });
        Assert.Equal("matching", (await ReadNote("j")).Text);
    }

    [Fact]
    public async Task Etag_rules_match_the_SDKs_MemoryStorage()
    {
        // The same script against both stores; every step must succeed or fail alike.
        IStorage reference = new MemoryStorage();
        foreach (var storage in new[] { reference, _storage })
        {
            var outcomes = new List<string>();
            async Task Step(string name, object value)
            {
                try { await storage.WriteAsync(new Dictionary<string, object> { ["k"] = value }); outcomes.Add($"{name}: ok"); }
                catch (ArgumentException e) when (e.Message.StartsWith("Etag conflict.", StringComparison.Ordinal)) { outcomes.Add($"{name}: conflict"); }
            }
            async Task<string?> Current() => ((Note)(await storage.ReadAsync(["k"]))["k"]).ETag;

            await Step("create with null", new Note());
            var first = await Current();
            await Step("null over existing", new Note());
            await Step("empty over existing", new Note { ETag = "" });
            await Step("current", new Note { ETag = first });
            await Step("previous", new Note { ETag = first });
            await Step("wildcard", new Note { ETag = "*" });
            await Step("poco over item", new Plain { Text = "p" });
            await Step("empty over poco", new Note { ETag = "" });
            await Step("null over item", new Note());
            await storage.WriteAsync(new Dictionary<string, object> { ["k"] = null! });
            await Step("stale after null write", new Note { ETag = first });

            Assert.Equal(
                [
                    "create with null: ok", "null over existing: conflict", "empty over existing: conflict", "current: ok",
                    "previous: conflict", "wildcard: ok", "poco over item: ok", "empty over poco: ok", "null over item: conflict",
                    "stale after null write: ok",
                ],
                outcomes);
        }
    }

    // ---- keys ----

    [Fact]
    public async Task Odd_keys_round_trip_each_to_its_own_value()
    {
        string[] keys =
        [
            "with spaces in it", " leading and trailing ", "中文键：新疆银监局", "a/b/c", @"a\b\c", "what?", "#hash", "%20 & + = ;",
            "!@#$%^&*()~/\\><,.?';\"`~", "emoji 😀", "", " ", "\t\r\n", new string('k', 500), new string('键', 2000),
            "msteams/conversations/19:abc@thread.skype;messageid=1/users/29:xyz",
            "\uD800 unpaired", "\uDC00 unpaired", // UTF-8 would turn both into U+FFFD
        ];
        await _storage.WriteAsync(keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => (object)new Note { Text = $"value {p.i}", Count = p.i }));

        var items = await _storage.ReadAsync(keys);

        Assert.Equal(keys.Length, items.Count);
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            var note = Assert.IsType<Note>(items[key]);
            Assert.Equal($"value {i}", note.Text);
            Assert.Equal(i, note.Count);
        }
        Assert.Equal(keys.Length, _store.BotState.Count());
    }

    [Fact]
    public async Task Keys_differing_only_in_case_are_different_items()
    {
        await Write("Key", new Note { Text = "upper" });
        await Write("key", new Note { Text = "lower" });
        await Write("KEY", new Note { Text = "all caps" });

        var items = await _storage.ReadAsync(["Key", "key", "KEY", "kEY"]);
        Assert.Equal(3, items.Count);
        Assert.Equal("upper", ((Note)items["Key"]).Text);
        Assert.Equal("lower", ((Note)items["key"]).Text);
        Assert.Equal("all caps", ((Note)items["KEY"]).Text);

        // An ETag of one is no ETag of the other, and deleting one leaves the others.
        await Assert.ThrowsAsync<ArgumentException>(() => Write("key", (Note)items["Key"]));
        await _storage.DeleteAsync(["key"]);
        Assert.Equal(["KEY", "Key"], (await _storage.ReadAsync(["Key", "key", "KEY"])).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_stored_document_keeps_the_exact_key_for_people_reading_the_file()
    {
        await Write(" Mixed Case/键 ", new Note());

        var document = Assert.Single(_store.BotState.FindAll());
        Assert.Equal(" Mixed Case/键 ", document.Key);
        Assert.Equal(LiteDbBotStorage.IdOf(" Mixed Case/键 "), document.Id);
    }

    // ---- deleting ----

    [Fact]
    public async Task Deleting_removes_the_keys_and_unknown_keys_are_fine()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note(), ["b"] = new Note(), ["c"] = new Plain() });

        await _storage.DeleteAsync(["a", "c", "unknown", "a"]);
        await _storage.DeleteAsync(["never written"]);
        await _storage.DeleteAsync([]);

        Assert.Equal(["b"], (await _storage.ReadAsync(["a", "b", "c"])).Keys);
    }

    [Fact]
    public async Task A_deleted_key_can_be_created_again()
    {
        await Write("k", new Note { Text = "v1" });
        var old = await ReadNote("k");
        await _storage.DeleteAsync(["k"]);

        old.Text = "again";
        await Write("k", old);

        Assert.Equal("again", (await ReadNote("k")).Text);
    }

    [Fact]
    public async Task Writing_null_removes_the_key()
    {
        await Write("k", new Note { Text = "v1" });

        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = null!, ["never there"] = null! });

        Assert.Empty(await _storage.ReadAsync(["k", "never there"]));
    }

    // ---- batches ----

    [Fact]
    public async Task A_batch_with_one_conflict_writes_nothing()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["b1"] = new Note { Text = "b1 v1" }, ["b2"] = new Note { Text = "b2 v1" } });
        var before = await _storage.ReadAsync(["b1", "b2"]);

        var batch = new Dictionary<string, object>
        {
            ["b1"] = new Note { Text = "b1 v2", ETag = "*" },           // would succeed alone
            ["b0"] = new Plain { Text = "new key" },                     // would succeed alone
            ["b2"] = new Note { Text = "b2 v2", ETag = "stale" },        // conflicts
            ["b3"] = new Note { Text = "b3 v1" },                        // after the conflict
            ["gone"] = null!,
        };
        await Write("gone", new Plain { Text = "still here" });
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.WriteAsync(batch));

        var after = await _storage.ReadAsync(["b0", "b1", "b2", "b3", "gone"]);
        Assert.Equal(["b1", "b2", "gone"], after.Keys.Order());
        Assert.Equal("b1 v1", ((Note)after["b1"]).Text);
        Assert.Equal(((Note)before["b1"]).ETag, ((Note)after["b1"]).ETag);
        Assert.Equal("b2 v1", ((Note)after["b2"]).Text);
        Assert.Equal(((Note)before["b2"]).ETag, ((Note)after["b2"]).ETag);
    }

    [Fact]
    public async Task A_batch_without_conflicts_writes_every_key()
    {
        await Write("x", new Note { Text = "x v1" });
        var x = await ReadNote("x");
        x.Text = "x v2";

        await _storage.WriteAsync(new Dictionary<string, object> { ["x"] = x, ["y"] = new Note { Text = "y v1" }, ["z"] = new Plain { Text = "z" } });

        var items = await _storage.ReadAsync(["x", "y", "z"]);
        Assert.Equal("x v2", ((Note)items["x"]).Text);
        Assert.Equal("y v1", ((Note)items["y"]).Text);
        Assert.Equal("z", ((Plain)items["z"]).Text);
    }

    // ---- durability and exact values ----

    [Fact]
    public async Task Values_and_etags_survive_reopening_the_file()
    {
        await Write("k", new Note { Text = "before restart", Count = 7 });
        var before = await ReadNote("k");

        Reopen();

        var after = await ReadNote("k");
        Assert.Equal("before restart", after.Text);
        Assert.Equal(7, after.Count);
        Assert.Equal(before.ETag, after.ETag);
        await Assert.ThrowsAsync<ArgumentException>(() => Write("k", new Note { Text = "stale", ETag = "stale" }));
        after.Text = "after restart";
        await Write("k", after);
        Assert.Equal("after restart", (await ReadNote("k")).Text);
    }

    [Fact]
    public async Task A_write_is_in_the_files_before_it_returns_so_a_killed_process_loses_nothing()
    {
        // LiteDB commits to its log file; a copy of the data file and the log, taken while the store is
        // open, is what the files hold if the process dies at that moment.
        await Write("draft", new Note { Text = "answered" });
        Assert.Equal("answered", (await ReadCopyOfFiles("draft"))?.Text);

        await _storage.DeleteAsync(["draft"]);
        Assert.Null(await ReadCopyOfFiles("draft"));
    }

    [Fact]
    public async Task Writes_are_forced_to_disk_only_when_asked_to()
    {
        var before = _store.FlushesStarted;
        await Write("draft", new Note { Text = "answered" });
        await _storage.DeleteAsync(["draft"]);
        Assert.Equal(before, _store.FlushesStarted);

        _storage = new LiteDbBotStorage(_store, flushEveryWrite: true);
        await Write("draft", new Note { Text = "answered" });
        Assert.Equal(before + 1, _store.FlushesStarted);
        await _storage.DeleteAsync(["draft"]);
        Assert.Equal(before + 2, _store.FlushesStarted);
        // Deleting what is not there writes nothing, so there is nothing to force.
        await _storage.DeleteAsync(["draft"]);
        Assert.Equal(before + 2, _store.FlushesStarted);
    }

    [Fact]
    public async Task Texts_round_trip_exactly_through_a_reopened_file()
    {
        var at = new DateTimeOffset(2026, 12, 20, 9, 30, 15, 123, TimeSpan.FromHours(8)).AddTicks(4567);
        var texts = new Texts
        {
            Empty = "",
            Null = null,
            Spaces = "   ",
            Padded = "  已完成调研；\n  起草中 \t",
            Mixed = "全角　空格、emoji 😀、\"引号\"、\\反斜杠\\、\r\n换行、\u0000、</script>",
            LooksLikeADate = "2026-12-20T09:30:15+08:00",
            LooksLikeTypeMetadata = """{"$type":"System.Object"}""",
            At = at,
            Evidence = ["", " ", "https://example.org/a?b=1&c=2"],
            Bag = new Dictionary<string, object?>
            {
                [" key with spaces "] = " value with spaces ",
                [""] = "",
                ["date-like"] = "2026-03-31",
                ["iso"] = "2026-12-20T09:30:15.1234567+08:00",
                ["null"] = null,
            },
        };
        await Write("texts", texts);

        Reopen();

        var read = Assert.IsType<Texts>((await _storage.ReadAsync(["texts"]))["texts"]);
        Assert.Equal("", read.Empty);
        Assert.Null(read.Null);
        Assert.Equal(texts.Spaces, read.Spaces);
        Assert.Equal(texts.Padded, read.Padded);
        Assert.Equal(texts.Mixed, read.Mixed);
        Assert.Equal(texts.LooksLikeADate, read.LooksLikeADate);
        Assert.Equal(texts.LooksLikeTypeMetadata, read.LooksLikeTypeMetadata);
        Assert.Equal(at, read.At);
        Assert.Equal(at.Offset, read.At.Offset);
        Assert.Equal(texts.Evidence, read.Evidence);
        Assert.Equal(texts.Bag.Keys.Order(StringComparer.Ordinal), read.Bag.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in texts.Bag)
        {
            Assert.Equal(value, read.Bag[key]);
            if (value is not null)
                Assert.IsType<string>(read.Bag[key]);
        }
    }

    [Fact]
    public async Task Type_names_are_stored_only_where_the_declared_type_does_not_give_the_type()
    {
        await Write("texts", new Texts
        {
            Evidence = ["a"],
            Bag = new Dictionary<string, object?> { ["text"] = "v", ["note"] = new Note { Text = "inside" }, ["list"] = new List<int> { 1 } },
        });

        // The value's own type, and those of the bag's entries that are not JSON's own; not the list's or the bag's.
        var json = Assert.Single(_store.BotState.FindAll()).Json;
        Assert.Equal(3, json.Split("\"$type\"").Length - 1);
        var read = Assert.IsType<Texts>((await _storage.ReadAsync(["texts"]))["texts"]);
        Assert.Equal(["a"], read.Evidence);
        Assert.Equal("v", read.Bag["text"]);
        Assert.Equal("inside", Assert.IsType<Note>(read.Bag["note"]).Text);
        Assert.Equal([1], Assert.IsType<List<int>>(read.Bag["list"]));
    }

    [Fact]
    public async Task A_value_stored_with_a_type_name_on_every_object_reads_as_its_types()
    {
        // As the build before stored it.
        const string json = """
            {"$type":"ReformBot.Host.Tests.Bot.State.LiteDbBotStorageTests+Texts, ReformBot.Host.Tests","Evidence":{"$type":"System.Collections.Generic.List`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib","$values":["a"]},"Bag":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib","note":{"$type":"ReformBot.Host.Tests.Bot.State.LiteDbBotStorageTests+Note, ReformBot.Host.Tests","Text":"inside","Count":0,"ETag":null}}}
            """;
        _store.BotState.Insert(new BotStateDocument { Id = LiteDbBotStorage.IdOf("old"), Key = "old", Json = json });

        var read = Assert.IsType<Texts>((await _storage.ReadAsync(["old"]))["old"]);
        Assert.Equal(["a"], read.Evidence);
        Assert.Equal("inside", Assert.IsType<Note>(read.Bag["note"]).Text);
    }

    [Fact]
    public async Task An_unpaired_surrogate_is_stored_as_a_replacement_character_instead_of_failing_the_write()
    {
        // LiteDB's strict UTF-8 cannot hold half an emoji; the draft must still be saved.
        var cutOff = "😀😀"[..3];
        await Write(cutOff, new Note { Text = $"cut off: {cutOff}" });

        Reopen();

        Assert.Equal("cut off: 😀\uFFFD", (await ReadNote(cutOff)).Text);
        Assert.Equal("😀\uFFFD", Assert.Single(_store.BotState.FindAll()).Key);
        Assert.Empty(await _storage.ReadAsync(["😀\uFFFD"])); // the key itself stays exact
    }

    // ---- arguments ----

    [Fact]
    public async Task Null_arguments_are_rejected_and_empty_ones_accepted()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _storage.ReadAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _storage.WriteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _storage.DeleteAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _storage.ReadAsync(["a", null!]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _storage.DeleteAsync([null!]));

        Assert.Empty(await _storage.ReadAsync([]));
        await _storage.WriteAsync(new Dictionary<string, object>());
        await _storage.DeleteAsync([]);
        Assert.Equal(0, _store.BotState.Count());
    }

    // ---- the SDK's bot state on top ----

    [Fact]
    public async Task Conversation_and_user_state_persist_across_turns_and_a_reopened_file()
    {
        await DraftFlow()
            .Test("start 61", "draft 61: ")
            .Test("add 已完成调研", "draft 61: 已完成调研")
            .Test("add  起草中 ", "draft 61: 已完成调研| 起草中 ")
            .StartTestAsync();

        Reopen();

        await DraftFlow()
            .Test("show", "draft 61: 已完成调研| 起草中 ")
            .Test("turns", "5")
            .StartTestAsync();

        var keys = _store.BotState.FindAll().Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Contains(keys, k => k.Contains("/conversations/draft-conversation", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Contains("/users/", StringComparison.Ordinal));
    }

    private TestFlow DraftFlow()
    {
        var conversationState = new ConversationState(_storage);
        var userState = new UserState(_storage);
        var draftAccessor = conversationState.CreateProperty<DraftReport>("draft");
        var turnsAccessor = userState.CreateProperty<int>("turns");
        var adapter = new TestAdapter(TestAdapter.CreateConversation("draft-conversation"));
        return new TestFlow(adapter, async (ctx, ct) =>
        {
            var draft = await draftAccessor.GetAsync(ctx, () => new DraftReport(), ct);
            var turns = await turnsAccessor.GetAsync(ctx, () => 0, ct) + 1;
            await turnsAccessor.SetAsync(ctx, turns, ct);
            var text = ctx.Activity.Text;
            if (text.StartsWith("start ", StringComparison.Ordinal))
                draft.TaskNumber = int.Parse(text["start ".Length..]);
            else if (text.StartsWith("add ", StringComparison.Ordinal))
                draft.Lines.Add(text["add ".Length..]);

            await conversationState.SaveChangesAsync(ctx, false, ct);
            await userState.SaveChangesAsync(ctx, false, ct);
            await ctx.SendActivityAsync(text == "turns" ? $"{turns}" : $"draft {draft.TaskNumber}: {string.Join("|", draft.Lines)}", cancellationToken: ct);
        });
    }

    // ---- concurrency ----

    [Fact]
    public async Task Of_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        const int writers = 20, rounds = 10; // several rounds: one race can be won by timing alone
        await Write("race", new Note { Text = "start" });

        for (var round = 0; round < rounds; round++)
        {
            var etag = (await ReadNote("race")).ETag;
            var results = new Exception?[writers];
            using var start = new Barrier(writers);
            var threads = Enumerable.Range(0, writers).Select(i => new Thread(() =>
            {
                var change = new Dictionary<string, object> { ["race"] = new Note { Text = $"round {round} writer {i}", ETag = etag } };
                start.SignalAndWait();
                try { _storage.WriteAsync(change).GetAwaiter().GetResult(); }
                catch (Exception e) { results[i] = e; }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            var winner = Assert.Single(Enumerable.Range(0, writers), i => results[i] is null);
            Assert.All(results.Where(r => r is not null), r => Assert.StartsWith("Etag conflict.", Assert.IsType<ArgumentException>(r).Message));
            var stored = await ReadNote("race");
            Assert.Equal($"round {round} writer {winner}", stored.Text);
            Assert.NotEqual(etag, stored.ETag);
        }
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loops_lose_no_update()
    {
        // Each writer retries on a conflict, as a bot would; the counter must end at the number of increments.
        const int writers = 8, increments = 25;
        await Write("counter", new Note { Count = 0 });

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < increments;)
            {
                var note = await ReadNote("counter");
                note.Count++;
                try { await Write("counter", note); done++; }
                catch (ArgumentException) { /* someone else won; read again */ }
            }
        })));

        Assert.Equal(writers * increments, (await ReadNote("counter")).Count);
    }

    // ---- helpers ----

    private Task Write(string key, object value) => _storage.WriteAsync(new Dictionary<string, object> { [key] = value });

    private async Task<Note> ReadNote(string key) => Assert.IsType<Note>((await _storage.ReadAsync([key]))[key]);

    private void Reopen()
    {
        _store.Dispose();
        _store = new LiteDbStore(_dir.DatabasePath);
        _storage = new LiteDbBotStorage(_store);
    }

    private async Task<Note?> ReadCopyOfFiles(string key)
    {
        var copy = _dir.File($"copy-{Guid.NewGuid():N}.db");
        File.Copy(_dir.DatabasePath, copy);
        if (File.Exists(LiteDbStore.LogPath(_dir.DatabasePath))) File.Copy(LiteDbStore.LogPath(_dir.DatabasePath), LiteDbStore.LogPath(copy));
        using var store = new LiteDbStore(copy);
        return (await new LiteDbBotStorage(store).ReadAsync([key])).TryGetValue(key, out var value) ? (Note)value : null;
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }
        public int Count { get; set; }
        public string? ETag { get; set; }
    }

    public sealed class Plain
    {
        public string? Text { get; set; }
    }

    public sealed class Texts
    {
        public string? Empty { get; set; }
        public string? Null { get; set; }
        public string? Spaces { get; set; }
        public string? Padded { get; set; }
        public string? Mixed { get; set; }
        public string? LooksLikeADate { get; set; }
        public string? LooksLikeTypeMetadata { get; set; }
        public DateTimeOffset At { get; set; }
        public List<string> Evidence { get; set; } = [];
        public Dictionary<string, object?> Bag { get; set; } = [];
    }

    public sealed class DraftReport
    {
        public int TaskNumber { get; set; }
        public List<string> Lines { get; set; } = [];
    }
}
