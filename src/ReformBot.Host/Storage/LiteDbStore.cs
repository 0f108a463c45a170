using System.Globalization;
using LiteDB;

namespace ReformBot.Host.Storage;

/// <summary>
/// Owns the one LiteDB file that holds everything. Opened in direct mode, which keeps the file
/// exclusively: while the host runs, the command-line tool goes through the host's admin endpoint
/// instead of opening the file (see README, “The CLI while the host runs”).
/// </summary>
public sealed class LiteDbStore : IDisposable
{
    public LiteDbStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        Database = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct }, CreateMapper());
        EnsureIndexes();
    }

    public string Path { get; }

    public LiteDatabase Database { get; }

    internal ILiteCollection<TaskDocument> Tasks => Database.GetCollection<TaskDocument>("tasks");
    internal ILiteCollection<DepartmentDocument> Departments => Database.GetCollection<DepartmentDocument>("departments");
    internal ILiteCollection<ContactDocument> Contacts => Database.GetCollection<ContactDocument>("contacts");
    internal ILiteCollection<ReportDocument> Reports => Database.GetCollection<ReportDocument>("reports");
    internal ILiteCollection<ReminderDocument> Reminders => Database.GetCollection<ReminderDocument>("reminders");

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
    /// Moves committed pages from the log into the data file. LiteDB's commit writes the log
    /// without forcing it to disk; after a write that must survive a crash, call this.
    /// </summary>
    public void Checkpoint() => Database.Checkpoint();

    public void Dispose() => Database.Dispose();

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
        return mapper;
    }

    private void EnsureIndexes()
    {
        Contacts.EnsureIndex(c => c.ChannelUser, unique: false);
        Contacts.EnsureIndex("Departments", "$.Departments[*]");
        Reports.EnsureIndex(r => r.Key);
        Reports.EnsureIndex(r => r.KeyRevision, unique: true);
        Reports.EnsureIndex(r => r.Period);
        Reports.EnsureIndex(r => r.TaskNumber);
        Reminders.EnsureIndex(r => r.State);
    }
}
