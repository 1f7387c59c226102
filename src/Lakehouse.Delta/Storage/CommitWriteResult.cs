namespace Lakehouse.Delta.Storage;

/// <summary>Outcome of <see cref="ILogStore.TryWriteCommitAsync"/>: losing a race is a value, not an exception.</summary>
public enum CommitWriteResult
{
    /// <summary>This writer owns the version; the commit is durable.</summary>
    Committed,

    /// <summary>Another writer already owns the version; read it, check conflicts, retry at the next version.</summary>
    VersionExists,
}
