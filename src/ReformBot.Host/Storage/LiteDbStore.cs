using System.Globalization;
using System.Reflection;
using LiteDB;

namespace ReformBot.Host.Storage;

/// <summary>
/// Owns the one LiteDB file that holds everything, opened in direct mode by one process at a time.
/// While the host runs, the command-line tool goes through the host's admin endpoint instead of
/// opening the file (see README, “The command-line tool while the host runs”).
/// </summary>
public sealed class LiteDbStore : IDisposable
{
    /// <summary>Where <see cref="Probe"/> writes its test record.</summary>
    private const string HealthCollection = "health";

    private readonly FileStream _lock;
    private readonly Lock _serial = new();
    private readonly Lock _reopen = new();
    // Guards the three fields below; held for moments only, never during a flush (see FlushToDisk).
    private readonly object _flushing = new();
    // Numbers of the flushes started and of the last that succeeded, and whether one is running.
    private long _flushesStarted;
    private long _lastGoodFlush;
    private bool _flushRunning;
    // Whether the directory has been forced to disk since this instance of LiteDB opened (see FlushToDisk).
    private bool _directoryFlushed;
    private long _contactsVersion;
    private readonly BsonMapper _mapper = CreateMapper();
    private LiteDatabase _database;
    // A write failed (a full disk): LiteDB's instance is left with pages it cannot discard, so it is
    // reopened before the next use; Healthy stays false until a write succeeds again.
    private volatile bool _reopenNeeded;
    private volatile bool _writesFailing;

    /// <exception cref="DatabaseInUseException">Another store, in this or another process, has the file open.</exception>
    /// <exception cref="StoreUnavailableException">The file is damaged, empty, read-only or a symbolic link; nothing was changed.</exception>
    public LiteDbStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        OwnerOnlyFiles.RestrictNewFiles();
        try
        {
            OwnerOnlyFiles.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException(Path, StoreProblem.ReadOnly, e.Message, e);
        }
        RefuseSymbolicLinks(Path);
        var existed = File.Exists(Path);
        if (existed && new FileInfo(Path).Length == 0)
            throw new StoreUnavailableException(Path, StoreProblem.Empty, "0 bytes");
        _lock = TakeLock(Path);
        try
        {
            foreach (var file in Files(Path)) OwnerOnlyFiles.Tighten(file);
            PartialFiles.RemoveLeftovers(Path);
            // Checked before LiteDB opens it for writing: LiteDB may cut or rewrite a damaged file.
            if (existed)
            {
                CheckHeader(Path);
                ReadEverything(Path);
            }
            _database = Open(Path);
            CreateCollections();
            EnsureIndexes();
            HashPlainInviteCodes();
        }
        catch (StoreUnavailableException)
        {
            _lock.Dispose();
            throw;
        }
        catch (Exception e) when (e is LiteException or InvalidCastException or ArgumentException or EndOfStreamException or FormatException
                                      or OverflowException or IndexOutOfRangeException or InvalidOperationException or NotSupportedException)
        {
            _database?.Dispose();
            _lock.Dispose();
            throw new StoreUnavailableException(Path, StoreProblem.Damaged, e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _database?.Dispose();
            _lock.Dispose();
            throw new StoreUnavailableException(Path, StoreProblem.ReadOnly, e.Message, e);
        }
    }

    public string Path { get; }

    /// <summary>The open database; reopened first when a write has failed since the last use.</summary>
    public LiteDatabase Database
    {
        get
        {
            if (_reopenNeeded) Reopen();
            return _database;
        }
    }

    /// <summary>Changes with every committed change to contacts, so that copies kept in memory know they are stale.</summary>
    internal long ContactsVersion => Volatile.Read(ref _contactsVersion);

    /// <summary>Call after committing a change to contacts.</summary>
    internal void ContactsChanged() => Interlocked.Increment(ref _contactsVersion);

    /// <summary>How many flushes to disk have been run (shared ones count once).</summary>
    internal long FlushesStarted => Volatile.Read(ref _flushesStarted);

    /// <summary>False from a failed write (a full disk) until a write succeeds again: for /health.</summary>
    public bool Healthy => !_writesFailing;

    /// <summary>The database file, its log and its lock: every file the store keeps beside the path.</summary>
    public static IEnumerable<string> Files(string databasePath) =>
        [databasePath, LogPath(databasePath), databasePath + ".lock"];

    /// <summary>LiteDB's log (write-ahead) file: "data/reformbot.db" has "data/reformbot-log.db".</summary>
    public static string LogPath(string databasePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(databasePath)!,
            System.IO.Path.GetFileNameWithoutExtension(databasePath) + "-log" + System.IO.Path.GetExtension(databasePath));

    internal ILiteCollection<TaskDocument> Tasks => Database.GetCollection<TaskDocument>("tasks");
    internal ILiteCollection<DepartmentDocument> Departments => Database.GetCollection<DepartmentDocument>("departments");
    internal ILiteCollection<ContactDocument> Contacts => Database.GetCollection<ContactDocument>("contacts");
    internal ILiteCollection<ReportDocument> Reports => Database.GetCollection<ReportDocument>("reports");
    internal ILiteCollection<ReportLatestDocument> ReportLatest => Database.GetCollection<ReportLatestDocument>("report_latest");
    internal ILiteCollection<ReportCompletedDocument> ReportCompleted => Database.GetCollection<ReportCompletedDocument>("report_completed");
    internal ILiteCollection<SettingDocument> Settings => Database.GetCollection<SettingDocument>("settings");
    internal ILiteCollection<NoteDocument> Notes => Database.GetCollection<NoteDocument>("notes");
    internal ILiteCollection<ReminderDocument> Reminders => Database.GetCollection<ReminderDocument>("reminders");
    internal ILiteCollection<BotStateDocument> BotState => Database.GetCollection<BotStateDocument>("botstate");
    internal ILiteCollection<InviteDocument> Invites => Database.GetCollection<InviteDocument>("invites");
    internal ILiteCollection<DownloadDocument> Downloads => Database.GetCollection<DownloadDocument>("downloads");
    internal ILiteCollection<DirectLineConversationDocument> DirectLineConversations => Database.GetCollection<DirectLineConversationDocument>("directline_conversations");
    internal ILiteCollection<DirectLineActivityDocument> DirectLineActivities => Database.GetCollection<DirectLineActivityDocument>("directline_activities");
    internal ILiteCollection<DirectLineTokenDocument> DirectLineTokens => Database.GetCollection<DirectLineTokenDocument>("directline_tokens");
    internal ILiteCollection<WebChatBrowserDocument> WebChatBrowsers => Database.GetCollection<WebChatBrowserDocument>("webchat_browsers");
    internal ILiteCollection<ReturnDocument> Returns => Database.GetCollection<ReturnDocument>("returns");
    internal ILiteCollection<ChaseDocument> Chases => Database.GetCollection<ChaseDocument>("chases");

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. LiteDB binds a transaction to the calling
    /// thread, so the work must be synchronous: never await inside it.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        var database = Database;
        database.BeginTrans();
        try
        {
            var result = work();
            database.Commit();
            _writesFailing = false;
            return result;
        }
        catch (Exception e)
        {
            try
            {
                database.Rollback();
            }
            catch (Exception rollback) when (IsWriteFailure(rollback))
            {
                // Already failing; the reopen below starts from what is on disk.
            }
            if (IsWriteFailure(e)) WriteFailed();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction while no other such transaction on this store
    /// runs. For work that decides from what it reads (check, then write): LiteDB reads a snapshot and
    /// takes a collection's write lock only at the first write, so two plain transactions could both
    /// pass the same check. This store is the only one on its file (see <see cref="TakeLock"/>), so the
    /// lock covers every writer of the file.
    /// </summary>
    public T InSerializedTransaction<T>(Func<T> work)
    {
        lock (_serial) return InTransaction(work);
    }

    /// <summary>
    /// Forces every commit so far onto the disk, so that it survives a power cut; call it after a write that
    /// must, before telling anyone it is saved. LiteDB's commit writes its pages to the log file before it
    /// returns, so a killed process loses nothing committed, but without this the pages may still be only in
    /// the operating system's memory. Callers at the same moment share a flush: one that started after this
    /// call began covers the caller's commits, so the caller waits for it instead of running one more (a group commit).
    /// </summary>
    public void FlushToDisk()
    {
        long number;
        lock (_flushing)
        {
            // Only a flush that starts from now on is sure to cover this caller's commits.
            var needed = _flushesStarted + 1;
            while (_lastGoodFlush < needed && _flushRunning)
                // Asleep: a flush lasts milliseconds, too long to spin for.
                Monitor.Wait(_flushing);
            if (_lastGoodFlush >= needed) return;
            _flushRunning = true;
            number = ++_flushesStarted;
        }
        var flushed = false;
        try
        {
            FlushLog();
            flushed = true;
        }
        catch (IOException)
        {
            WriteFailed();
            throw;
        }
        finally
        {
            lock (_flushing)
            {
                if (flushed) _lastGoodFlush = number;
                _flushRunning = false;
                // Those who waited for this flush return; the others, and all after a failure, start the next one.
                Monitor.PulseAll(_flushing);
            }
        }
    }

    /// <summary>
    /// The log holds every commit since the last checkpoint, which forced the data file to disk itself; with no
    /// log file everything is in the data file. LiteDB creates the log when it first writes and deletes it when
    /// it closes empty, so the directory is forced once per instance as well.
    /// </summary>
    private void FlushLog()
    {
        if (!DiskFlush.File(LogPath(Path)) || _directoryFlushed) return;
        DiskFlush.Directory(System.IO.Path.GetDirectoryName(Path)!);
        _directoryFlushed = true;
    }

    /// <summary>After a reopen: the next flush forces the directory too, once a flush of the old log has ended.</summary>
    private void ForgetDirectoryFlush()
    {
        lock (_flushing)
        {
            while (_flushRunning) Monitor.Wait(_flushing);
            _directoryFlushed = false;
        }
    }

    /// <summary>Moves committed pages from the log into the data file and forces it to disk (for a copy of the file).</summary>
    public void Checkpoint()
    {
        try
        {
            Database.Checkpoint();
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            WriteFailed();
            throw;
        }
    }

    /// <summary>
    /// A write just failed and the store reports it: the next use reopens the database. Whether the disk
    /// has room again shows at the next write; /health asks with <see cref="Probe"/>.
    /// </summary>
    public void WriteFailed()
    {
        _writesFailing = true;
        _reopenNeeded = true;
    }

    /// <summary>Writes a small record and forces it to disk: true when the store can save again.</summary>
    public bool Probe()
    {
        try
        {
            InTransaction(() => Database.GetCollection(HealthCollection).Upsert(new BsonDocument { ["_id"] = 1, ["at"] = DateTime.UtcNow.Ticks }));
            FlushToDisk();
            return true;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            return false;
        }
    }

    /// <summary>
    /// A consistent copy of the whole database in <paramref name="target"/> (owner-only), while the store
    /// runs. Committed pages are checkpointed into the data file first; then an open transaction keeps any
    /// checkpoint (LiteDB's needs every transaction closed) from changing the data file while it is copied.
    /// Later commits stay in the log and are not in the copy.
    /// </summary>
    public void CopyTo(string target)
    {
        Checkpoint();
        var database = Database;
        database.BeginTrans();
        try
        {
            OwnerOnlyFiles.WriteNew(target, stream =>
            {
                using var source = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                source.CopyTo(stream);
            });
        }
        finally
        {
            database.Rollback();
        }
    }

    /// <summary>
    /// Checks that <paramref name="file"/> is a whole LiteDB database, as a damaged database is checked at open.
    /// </summary>
    /// <exception cref="StoreUnavailableException">It is empty or damaged.</exception>
    public static void Verify(string file)
    {
        var path = System.IO.Path.GetFullPath(file);
        if (new FileInfo(path).Length == 0) throw new StoreUnavailableException(path, StoreProblem.Empty, "0 bytes");
        CheckHeader(path);
        try
        {
            ReadEverything(path);
        }
        catch (Exception e) when (e is LiteException or InvalidCastException or ArgumentException or EndOfStreamException or FormatException
                                      or OverflowException or IndexOutOfRangeException or InvalidOperationException or NotSupportedException)
        {
            throw new StoreUnavailableException(path, StoreProblem.Damaged, e.Message, e);
        }
    }

    /// <summary>
    /// Replaces the database at <paramref name="databasePath"/> with a checked copy of <paramref name="backup"/>,
    /// while holding the lock (so no host or tool has it open). The database it replaces is kept beside it as
    /// <c>&lt;db&gt;.before-restore-&lt;time&gt;</c>; its log, which belongs to it, is moved there too.
    /// </summary>
    /// <returns>Where the replaced database was kept; null when there was none.</returns>
    /// <exception cref="DatabaseInUseException">A host or another tool has the database open; nothing changed.</exception>
    /// <exception cref="StoreUnavailableException">The backup is empty or damaged; nothing changed.</exception>
    public static string? Restore(string databasePath, string backup, DateTimeOffset now)
    {
        var path = System.IO.Path.GetFullPath(databasePath);
        OwnerOnlyFiles.RestrictNewFiles();
        OwnerOnlyFiles.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        RefuseSymbolicLinks(path);
        using var _ = TakeLock(path);
        // Checked from a private copy, so what is checked is what is put in place.
        var incoming = path + ".restoring";
        File.Copy(backup, incoming, overwrite: true);
        try
        {
            Verify(incoming);
            string? kept = null;
            if (File.Exists(path))
            {
                kept = $"{path}.before-restore-{now.UtcDateTime:yyyyMMdd-HHmmss}";
                File.Move(path, kept);
                if (File.Exists(LogPath(path))) File.Move(LogPath(path), kept + "-log");
            }
            File.Move(incoming, path);
            return kept;
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        _lock.Dispose();
    }

    /// <summary>A failure of the disk or of LiteDB's pages under it, after which the instance must be reopened.</summary>
    private static bool IsWriteFailure(Exception e) => e is IOException or LiteException or ObjectDisposedException;

    /// <summary>Whether a turn failed because the store could not save (for the reply that says the answers are kept).</summary>
    public static bool IsStoreFailure(Exception e) =>
        e is IOException or LiteException || e.InnerException is { } inner && IsStoreFailure(inner);

    private void Reopen()
    {
        lock (_reopen)
        {
            if (!_reopenNeeded) return;
            ForgetFailedTransactions(_database);
            try
            {
                _database.Dispose();
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                // It could not write its last pages; the log on disk holds every committed transaction.
            }
            _database = Open(Path);
            ForgetDirectoryFlush();
            _reopenNeeded = false;
        }
    }

    /// <summary>
    /// A transaction whose commit failed on the disk stays open with dirty pages; once the abandoned instance
    /// lets go of it, its finalizer tries to discard them again, throws, and an exception thrown on the
    /// finalizer thread ends the process. LiteDB offers no way to close such a transaction, so its
    /// finalizer is suppressed: the instance is discarded anyway and the file is reopened from disk.
    /// </summary>
    private static void ForgetFailedTransactions(LiteDatabase database)
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        static object? FieldOfType(object owner, string typeName) =>
            owner.GetType().GetFields(Instance).FirstOrDefault(f => f.FieldType.Name == typeName)?.GetValue(owner);

        var engine = database.GetType().GetFields(Instance).FirstOrDefault(f => typeof(LiteDB.Engine.ILiteEngine).IsAssignableFrom(f.FieldType))?.GetValue(database);
        if (engine is SerializedEngine serialized) engine = serialized.Inner;
        var monitor = engine is null ? null : FieldOfType(engine, "TransactionMonitor");
        var transactions = monitor?.GetType().GetFields(Instance)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            .Select(f => f.GetValue(monitor)).OfType<System.Collections.IDictionary>().FirstOrDefault();
        if (transactions is null) throw new InvalidOperationException("LiteDB's transaction monitor was not found: check ForgetFailedTransactions against this LiteDB version.");
        object[] open;
        // LiteDB locks the dictionary itself while it changes it.
        lock (transactions) open = transactions.Values.Cast<object>().ToArray();
        foreach (var transaction in open) GC.SuppressFinalize(transaction);
    }

    private LiteDatabase Open(string path) =>
        new(new SerializedEngine(new LiteDB.Engine.LiteEngine(new LiteDB.Engine.EngineSettings { Filename = path })), _mapper);

    /// <summary>LiteDB 5's file: whole pages, and the first one says what it is.</summary>
    private static void CheckHeader(string path)
    {
        const int PageSize = 8192, InfoOffset = 32;
        const string Info = "** This is a LiteDB file **";
        const byte Version = 8;
        var length = new FileInfo(path).Length;
        if (length < PageSize || length % PageSize != 0)
            throw new StoreUnavailableException(path, StoreProblem.Damaged, $"{length} bytes, not a whole number of {PageSize}-byte pages");
        var header = new byte[InfoOffset + Info.Length + 1];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) stream.ReadExactly(header);
        if (System.Text.Encoding.ASCII.GetString(header, InfoOffset, Info.Length) != Info || header[^1] != Version)
            throw new StoreUnavailableException(path, StoreProblem.Damaged, "the first page is not a LiteDB 5 header");
    }

    /// <summary>
    /// Reads every document once, so a damaged file stops the start rather than the first turn that
    /// touches the bad page. In chunks, each its own read: LiteDB keeps every page a transaction reads in
    /// memory until it ends (up to 100,000 pages), so one read of 200,000 revisions held the whole
    /// collection at once and left the process that much larger for good.
    /// </summary>
    private static void ReadEverything(string path)
    {
        const int Chunk = 1000;
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
        foreach (var name in database.GetCollectionNames())
        {
            var collection = database.GetCollection(name);
            var after = BsonValue.MinValue;
            while (collection.Find(Query.GT("_id", after), limit: Chunk).LastOrDefault() is { } last) after = last["_id"];
        }
    }

    /// <summary>A database from before invite codes were hashed: hash them, then rebuild so no old page keeps a plain code.</summary>
    private void HashPlainInviteCodes()
    {
        var plain = Invites.FindAll().Where(i => !InviteDocument.IsHash(i.Id)).ToList();
        if (plain.Count == 0) return;
        InTransaction(() =>
        {
            foreach (var invite in plain)
            {
                Invites.Delete(invite.Id);
                Invites.Insert(InviteDocument.From(invite.ToInvite(invite.Id)));
            }
            return plain.Count;
        });
        Database.Rebuild();
        Checkpoint();
    }

    private static void RefuseSymbolicLinks(string databasePath)
    {
        foreach (var file in Files(databasePath))
            if (File.Exists(file) && new FileInfo(file).LinkTarget is { } target)
                throw new StoreUnavailableException(databasePath, StoreProblem.SymbolicLink, $"{file} -> {target}");
    }

    /// <summary>
    /// LiteDB's direct mode opens the file shared on Linux, so two processes could both write to it
    /// and lose pages. An exclusive lock on a file beside it (released by the OS if the process dies)
    /// keeps it to one.
    /// </summary>
    private static FileStream TakeLock(string databasePath)
    {
        try
        {
            return new FileStream(databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is UnauthorizedAccessException || e.HResult == ReadOnlyFileSystem)
        {
            throw new StoreUnavailableException(databasePath, StoreProblem.ReadOnly, e.Message, e);
        }
        catch (IOException e)
        {
            throw new DatabaseInUseException(databasePath, e);
        }
    }

    // EROFS, which .NET reports as the IOException's HResult on Linux and macOS.
    private const int ReadOnlyFileSystem = 30;

    // The global mapper trims strings and turns "" into null; reports must round-trip exactly.
    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper
        {
            TrimWhitespace = false,
            EmptyStringToNull = false,
            SerializeNullValues = false,
            EnumAsInteger = false,
        };
        // BSON dates keep milliseconds only and no offset; the round-trip text keeps both exactly.
        mapper.RegisterType(
            value => new BsonValue(value.ToString("O", CultureInfo.InvariantCulture)),
            bson => DateTimeOffset.ParseExact(bson.AsString, "O", CultureInfo.InvariantCulture));

        // The mapper builds a type's mapping on first use and publishes it to other threads before it is
        // complete; two threads reading one type for the first time at once (two jobs at start) can then
        // read a document with fields missing. Build every mapping here, on one thread.
        foreach (var type in DocumentTypes) mapper.ToObject(type, mapper.ToDocument(type, Activator.CreateInstance(type)!));
        return mapper;
    }

    private static readonly Type[] DocumentTypes =
    [
        typeof(TaskDocument), typeof(TaskDepartmentDocument), typeof(DepartmentDocument), typeof(ContactDocument),
        typeof(ReportDocument), typeof(ReportLatestDocument), typeof(ReportCompletedDocument), typeof(NoteDocument), typeof(ReminderDocument), typeof(SettingDocument),
        typeof(InviteDocument), typeof(BotStateDocument), typeof(DownloadDocument),
        typeof(DirectLineConversationDocument), typeof(DirectLineActivityDocument), typeof(DirectLineTokenDocument), typeof(WebChatBrowserDocument),
        typeof(ChaseDocument), typeof(ChaseRecipientDocument), typeof(ReturnDocument),
    ];

    /// <summary>
    /// Creates every collection the store uses before anything else runs. LiteDB 5.0 publishes a new
    /// collection in its header page before the commit that writes the collection's page is readable, so a
    /// reader starting in between finds a page that is not there yet (an ENSURE in CollectionPage) and can
    /// leave the page cache so that the next checkpoint fails ("must have no pages in use"). At the host's
    /// start several jobs write at once, and the digest's first setting created a collection among them.
    /// Created here, on one thread at open, no collection is created while others read.
    /// </summary>
    private void CreateCollections()
    {
        string[] names =
        [
            Tasks.Name, Departments.Name, Contacts.Name, Reports.Name, ReportLatest.Name, ReportCompleted.Name, Settings.Name, Notes.Name, Reminders.Name,
            BotState.Name, Invites.Name, Downloads.Name, DirectLineConversations.Name, DirectLineActivities.Name,
            DirectLineTokens.Name, WebChatBrowsers.Name, Returns.Name, Chases.Name, HealthCollection,
        ];
        foreach (var name in names.Where(n => !Database.CollectionExists(n)))
            // An empty insert creates the collection and nothing else.
            Database.GetCollection(name).InsertBulk([]);
    }

    private void EnsureIndexes()
    {
        Contacts.EnsureIndex(c => c.ChannelUser, unique: false);
        Contacts.EnsureIndex("Departments", "$.Departments[*]");
        Reports.EnsureIndex(r => r.Key);
        Reports.EnsureIndex(r => r.KeyRevision, unique: true);
        Reports.EnsureIndex(r => r.DraftId);
        // Every index costs each confirmed report an insertion: a period's revisions are found through its
        // summaries' keys instead, and nothing looks revisions up by task. Dropped from older databases.
        Reports.DropIndex(nameof(ReportDocument.Period));
        Reports.DropIndex(nameof(ReportDocument.TaskNumber));
        ReportLatest.EnsureIndex(l => l.Period);
        Reminders.EnsureIndex(r => r.State);
        Reminders.EnsureIndex(r => r.Period);
        Notes.EnsureIndex(n => n.TaskNumber);
        Notes.EnsureIndex(n => n.Period);
        Notes.EnsureIndex(n => n.DraftId);
        Invites.EnsureIndex(i => i.CreatedAt);
        Downloads.EnsureIndex(d => d.ExpiresAtTicks);
        DirectLineActivities.EnsureIndex(a => a.CreatedAtTicks);
        DirectLineTokens.EnsureIndex(t => t.ExpiresAtTicks);
        WebChatBrowsers.EnsureIndex(b => b.UserId);
        Chases.EnsureIndex(c => c.Period);
        Returns.EnsureIndex(r => r.Period);
        Returns.EnsureIndex(r => r.TaskNumber);
        Chases.EnsureIndex(c => c.Finished);
    }
}
