using System.Runtime.Versioning;
using System.Text;
using LiteDB;
using ReformBot.Core.Contacts;
using ReformBot.Host.Storage;
using ReformBot.Host.Tests.Support;

namespace ReformBot.Host.Tests.Storage;

/// <summary>The database's files on disk: who may read them, what is in them, and a damaged or odd file at open.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class LiteDbStoreFileTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_new_database_its_directory_and_its_log_are_for_the_owner_only()
    {
        var path = Path.Combine(_dir.Path, "data", "reformbot.db");
        using (var store = new LiteDbStore(path))
        {
            store.InTransaction(() => store.Database.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1 }));
            Assert.True(File.Exists(LiteDbStore.LogPath(path)), "the write went to the log first");
            foreach (var file in LiteDbStore.Files(path)) Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(file));
        }
        Assert.Equal(OwnerOnlyFiles.DirectoryMode, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Every_collection_exists_once_the_store_is_open_so_no_later_write_creates_one()
    {
        using var store = new LiteDbStore(_dir.DatabasePath);

        var collections = typeof(LiteDbStore).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ILiteCollection<>))
            .Select(p => (string)p.PropertyType.GetProperty(nameof(ILiteCollection<BsonDocument>.Name))!.GetValue(p.GetValue(store))!)
            .ToList();
        Assert.True(collections.Count >= 16, $"found {collections.Count} collections");
        var missing = collections.Where(c => !store.Database.CollectionExists(c)).ToList();
        Assert.True(missing.Count == 0, "not created at open: " + string.Join(", ", missing));
        Assert.True(store.Database.CollectionExists("health"));
    }

    [Fact]
    public void An_existing_database_readable_by_everyone_is_made_owner_only_at_open()
    {
        TemplateDatabase.CopyTo(_dir.DatabasePath);
        File.SetUnixFileMode(_dir.DatabasePath, OwnerOnlyFiles.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);

        using var store = new LiteDbStore(_dir.DatabasePath);

        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(_dir.DatabasePath));
    }

    [Fact]
    public void No_invite_code_can_be_found_in_the_files()
    {
        using (var store = new LiteDbStore(_dir.DatabasePath))
        {
            Assert.True(new LiteInviteRepository(store).TryAdd(Invite.Create("K7QMXW3P9T", "科技厅", Created, TimeSpan.FromDays(7))));
            AssertNoFileContains("K7QMXW3P9T");
        }
        AssertNoFileContains("K7QMXW3P9T");
    }

    [Fact]
    public void Plain_codes_of_an_older_database_are_hashed_at_open_and_still_redeem_once()
    {
        // As versions before hashing stored invites: the plain code as the id.
        using (var old = new LiteDatabase(_dir.DatabasePath))
        {
            var invites = old.GetCollection("invites");
            invites.Insert(new BsonDocument
            {
                ["_id"] = "K7QMXW3P9T", ["Department"] = "科技厅",
                ["CreatedAt"] = Created.ToString("O"), ["ExpiresAt"] = Created.AddDays(7).ToString("O"),
            });
            invites.Insert(new BsonDocument
            {
                ["_id"] = "ABCDEFGHJK", ["CreatedAt"] = Created.ToString("O"), ["ExpiresAt"] = Created.AddDays(7).ToString("O"),
                ["RedeemedBy"] = "c1", ["RedeemedAt"] = Created.AddHours(1).ToString("O"),
            });
        }
        Assert.True(FileContains("K7QMXW3P9T"), "the old file holds the plain code");

        using var store = new LiteDbStore(_dir.DatabasePath);
        AssertNoFileContains("K7QMXW3P9T");
        AssertNoFileContains("ABCDEFGHJK");
        var repository = new LiteInviteRepository(store);
        Assert.Equal(2, repository.Count());
        Assert.Equal("c1", repository.Find("ABCDEFGHJK")!.RedeemedBy);
        var who = new Registrant("c2", "王伟", new ConversationAddress("msteams", "https://smba.example/cn/", "conv-1", "u1", "tenant-1", "bot-1"));
        Assert.Equal(RedemptionResult.Registered, repository.Redeem("K7QMXW3P9T", who, Created.AddHours(2)).Result);
        var other = new Registrant("c3", "李娜", who.Address with { UserId = "u2", ConversationId = "conv-2" });
        Assert.Equal(RedemptionResult.AlreadyUsed, repository.Redeem("K7QMXW3P9T", other, Created.AddHours(2)).Result);
    }

    public static TheoryData<string> Damages => new() { "truncated", "header zeroed", "garbage" };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_database_is_refused_at_open_and_left_as_it_was(string damage)
    {
        var bytes = File.ReadAllBytes(TemplateDatabase.CopyTo(_dir.DatabasePath));
        var damaged = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2 + 1000)],
            "header zeroed" => [.. new byte[8192], .. bytes[8192..]],
            _ => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("这不是数据库 not a database ", 2000))),
        };
        File.WriteAllBytes(_dir.DatabasePath, damaged);

        var refused = Assert.Throws<StoreUnavailableException>(() => new LiteDbStore(_dir.DatabasePath));

        Assert.Equal(StoreProblem.Damaged, refused.Problem);
        Assert.Equal(damaged, File.ReadAllBytes(_dir.DatabasePath));
        Assert.False(File.Exists(LiteDbStore.LogPath(_dir.DatabasePath)));
    }

    [Fact]
    public void A_damaged_page_far_into_a_large_collection_is_refused_at_open()
    {
        // More documents than the open reads at once, so the damage is in a later chunk of the check.
        using (var store = new LiteDbStore(TemplateDatabase.CopyTo(_dir.DatabasePath)))
        {
            store.Database.GetCollection("health").InsertBulk(Enumerable.Range(2, 3000).Select(i => new LiteDB.BsonDocument { ["_id"] = i, ["text"] = new string('x', 400) }));
            store.Checkpoint();
        }
        var bytes = File.ReadAllBytes(_dir.DatabasePath);
        // The last page holds the last documents written; its header and blocks become noise.
        Array.Fill(bytes, (byte)0xAB, bytes.Length - 8192, 8192);
        File.WriteAllBytes(_dir.DatabasePath, bytes);

        var refused = Assert.Throws<StoreUnavailableException>(() => new LiteDbStore(_dir.DatabasePath));

        Assert.Equal(StoreProblem.Damaged, refused.Problem);
    }

    [Fact]
    public void An_empty_database_file_is_refused_rather_than_seeded_again()
    {
        File.WriteAllBytes(_dir.DatabasePath, []);

        Assert.Equal(StoreProblem.Empty, Assert.Throws<StoreUnavailableException>(() => new LiteDbStore(_dir.DatabasePath)).Problem);
        Assert.Equal(0, new FileInfo(_dir.DatabasePath).Length);
    }

    [Fact]
    public void A_database_path_that_is_a_symbolic_link_is_refused()
    {
        var target = TemplateDatabase.CopyTo(_dir.File("real.db"));
        File.CreateSymbolicLink(_dir.DatabasePath, target);

        Assert.Equal(StoreProblem.SymbolicLink, Assert.Throws<StoreUnavailableException>(() => new LiteDbStore(_dir.DatabasePath)).Problem);
    }

    [Fact]
    public void A_second_store_on_the_same_file_is_refused_as_in_use()
    {
        using var first = new LiteDbStore(_dir.DatabasePath);

        Assert.Throws<DatabaseInUseException>(() => new LiteDbStore(_dir.DatabasePath));
    }

    [Fact]
    public void A_half_written_export_left_by_a_killed_process_is_removed_at_the_next_open()
    {
        var target = Path.Combine(_dir.Path, "out", "台账.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var killedWhileWriting = new Thread(() =>
        {
            using var store = new LiteDbStore(TemplateDatabase.CopyTo(_dir.DatabasePath));
            new PartialFiles(store).Write(target, stream =>
            {
                stream.Write(new byte[1000]);
                stream.Flush();
                // As kill -9 would: the process goes, nothing after this line runs.
                store.Dispose();
                Thread.Sleep(Timeout.Infinite);
            });
        }) { IsBackground = true };
        killedWhileWriting.Start();
        SpinWait.SpinUntil(() => File.Exists(target + PartialFiles.Suffix) && new FileInfo(target + PartialFiles.Suffix).Length > 0, TimeSpan.FromSeconds(10));
        Thread.Sleep(200);
        Assert.True(File.Exists(target + PartialFiles.Suffix));

        using (new LiteDbStore(_dir.DatabasePath)) { }

        Assert.False(File.Exists(target + PartialFiles.Suffix));
        Assert.False(File.Exists(target));
    }

    private bool FileContains(string text) =>
        Directory.GetFiles(_dir.Path).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Any(f => Encoding.ASCII.GetString(File.ReadAllBytes(f)).Contains(text, StringComparison.Ordinal));

    private void AssertNoFileContains(string text) => Assert.False(FileContains(text), $"a file holds {text}");
}
