namespace ReformBot.Host.Storage;

/// <summary>Why the database cannot be used at all; each has its own line for the person who starts the host or the tool.</summary>
public enum StoreProblem
{
    /// <summary>LiteDB cannot read it: truncated, header overwritten, not a LiteDB file.</summary>
    Damaged,
    /// <summary>The file exists but is empty: it had data once (a new database is never left empty).</summary>
    Empty,
    /// <summary>The file, its directory or the disk cannot be written.</summary>
    ReadOnly,
    /// <summary>The database, its log or its lock file is a symbolic link: the lock beside a link does not guard the target.</summary>
    SymbolicLink,
}

/// <summary>The database cannot be opened; nothing was changed in it.</summary>
public sealed class StoreUnavailableException(string path, StoreProblem problem, string detail, Exception? inner = null)
    : IOException($"The database {path} cannot be used ({problem}): {detail}", inner)
{
    public string DatabasePath { get; } = path;

    public StoreProblem Problem { get; } = problem;

    /// <summary>What the system said, for the operator's line.</summary>
    public string Detail { get; } = detail;
}
