using System.Globalization;
using LiteDB;

namespace ReformBot.Host.Storage;

/// <summary>
/// Owns the one LiteDB file that holds everything, opened in direct mode by one process at a time.
/// While the host runs, the command-line tool goes through the host's admin endpoint instead of
/// opening the file (see README, “The command-line tool while the host runs”).
/// </summary>
public sealed class LiteDbStore : IDisposable
{
    private readonly FileStream _lock;
    private readonly Lock _serial = new();

    /// <exception cref="DatabaseInUseException">Another store, in this or another process, has the file open.</exception>
    public LiteDbStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _lock = TakeLock(Path);
        try
        {
            Database = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct }, CreateMapper());
            EnsureIndexes();
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    public string Path { get; }

    public LiteDatabase Database { get; }

    internal ILiteCollection<TaskDocument> Tasks => Database.GetCollection<TaskDocument>("tasks");
    internal ILiteCollection<DepartmentDocument> Departments => Database.GetCollection<DepartmentDocument>("departments");
    internal ILiteCollection<ContactDocument> Contacts => Database.GetCollection<ContactDocument>("contacts");
    internal ILiteCollection<ReportDocument> Reports => Database.GetCollection<ReportDocument>("reports");
    internal ILiteCollection<SettingDocument> Settings => Database.GetCollection<SettingDocument>("settings");
    internal ILiteCollection<NoteDocument> Notes => Database.GetCollection<NoteDocument>("notes");
    internal ILiteCollection<ReminderDocument> Reminders => Database.GetCollection<ReminderDocument>("reminders");
    internal ILiteCollection<BotStateDocument> BotState => Database.GetCollection<BotStateDocument>("botstate");
    internal ILiteCollection<InviteDocument> Invites => Database.GetCollection<InviteDocument>("invites");
    internal ILiteCollection<DownloadDocument> Downloads => Database.GetCollection<DownloadDocument>("downloads");

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. LiteDB binds a transaction to the calling
    /// thread, so the work must be synchronous: never await inside it.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        Database.BeginTrans();
        try
        {
            var result = work();
            Database.Commit();
            return result;
        }
        catch
        {
            Database.Rollback();
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
    /// Moves committed pages from the log into the data file. LiteDB's commit writes the log
    /// without forcing it to disk; after a write that must survive a crash, call this.
    /// </summary>
    public void Checkpoint() => Database.Checkpoint();

    public void Dispose()
    {
        Database.Dispose();
        _lock.Dispose();
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
        catch (IOException e)
        {
            throw new DatabaseInUseException(databasePath, e);
        }
    }

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
        typeof(ReportDocument), typeof(NoteDocument), typeof(ReminderDocument), typeof(SettingDocument),
        typeof(InviteDocument), typeof(BotStateDocument), typeof(DownloadDocument),
    ];

    private void EnsureIndexes()
    {
        Contacts.EnsureIndex(c => c.ChannelUser, unique: false);
        Contacts.EnsureIndex("Departments", "$.Departments[*]");
        Reports.EnsureIndex(r => r.Key);
        Reports.EnsureIndex(r => r.KeyRevision, unique: true);
        Reports.EnsureIndex(r => r.Period);
        Reports.EnsureIndex(r => r.TaskNumber);
        Reports.EnsureIndex(r => r.DraftId);
        Reminders.EnsureIndex(r => r.State);
        Reminders.EnsureIndex(r => r.Period);
        Notes.EnsureIndex(n => n.TaskNumber);
        Notes.EnsureIndex(n => n.Period);
        Invites.EnsureIndex(i => i.CreatedAt);
        Downloads.EnsureIndex(d => d.ExpiresAtTicks);
    }
}
