using LiteDB;
using LiteDB.Engine;

namespace ReformBot.Host.Storage;

/// <summary>
/// LiteDB's engine with one thread in it at a time. LiteDB 5.0's page cache lets a thread recycle a cached
/// page that another thread has just looked up but not yet pinned (litedb-org/LiteDB#2817, fixed only in 6.x):
/// the reader then decodes another page's bytes and the cache's counters go wrong ("pages in memory store must
/// be non-shared", "share counter must be &gt; 0 in Release()"), which fails the turn and later checkpoints.
/// It needs two threads reading at once on a database larger than the cache, e.g. the history of tasks read
/// by many contacts at 200,000 revisions. Here a thread holds the engine for a single call, for a query until
/// its reader is disposed, and for an explicit transaction until it is committed or rolled back; so no thread
/// ever waits inside the engine for a LiteDB lock that another thread between two calls holds. The hold is
/// reentrant and bound to the thread, as LiteDB's transactions are.
/// </summary>
internal sealed class SerializedEngine(ILiteEngine inner) : ILiteEngine
{
    private readonly Lock _gate = new();
    private readonly ThreadLocal<bool> _inTransaction = new();

    /// <summary>The engine inside, for code that inspects LiteDB's own state.</summary>
    public ILiteEngine Inner => inner;

    public bool BeginTrans()
    {
        _gate.Enter();
        var began = false;
        try
        {
            began = inner.BeginTrans();
            if (began) _inTransaction.Value = true;
            return began;
        }
        finally
        {
            // Already in a transaction on this thread: that transaction's hold stays the only one.
            if (!began) _gate.Exit();
        }
    }

    public bool Commit()
    {
        lock (_gate)
        {
            // A commit that throws leaves the transaction open, and held, until its rollback.
            var committed = inner.Commit();
            if (committed) EndTransaction();
            return committed;
        }
    }

    public bool Rollback()
    {
        lock (_gate)
        {
            try
            {
                return inner.Rollback();
            }
            finally
            {
                // Even a rollback that fails on the disk ends the hold: the store reopens the database after it.
                EndTransaction();
            }
        }
    }

    public IBsonDataReader Query(string collection, Query query)
    {
        _gate.Enter();
        try
        {
            return new Reader(inner.Query(collection, query), _gate);
        }
        catch
        {
            _gate.Exit();
            throw;
        }
    }

    public int Checkpoint() => One(inner.Checkpoint);

    public long Rebuild(RebuildOptions options) => One(() => inner.Rebuild(options));

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => One(() => inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => One(() => inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => One(() => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => One(() => inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => One(() => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => One(() => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => One(() => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => One(() => inner.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => One(() => inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => One(() => inner.DropIndex(collection, name));

    public BsonValue Pragma(string name) => One(() => inner.Pragma(name));

    public bool Pragma(string name, BsonValue value) => One(() => inner.Pragma(name, value));

    public void Dispose()
    {
        lock (_gate) inner.Dispose();
        _inTransaction.Dispose();
    }

    private T One<T>(Func<T> call)
    {
        lock (_gate) return call();
    }

    /// <summary>Lets go of the hold this thread's explicit transaction had.</summary>
    private void EndTransaction()
    {
        if (!_inTransaction.Value) return;
        _inTransaction.Value = false;
        _gate.Exit();
    }

    /// <summary>A query's reader, holding the engine until it is disposed.</summary>
    private sealed class Reader(IBsonDataReader inner, Lock gate) : IBsonDataReader
    {
        private bool _disposed;

        public BsonValue this[string field] => inner[field];

        public string Collection => inner.Collection;

        public BsonValue Current => inner.Current;

        public bool HasValues => inner.HasValues;

        public bool Read() => inner.Read();

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                inner.Dispose();
            }
            finally
            {
                gate.Exit();
            }
        }
    }
}
