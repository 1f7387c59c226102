namespace Lakehouse.Delta.Transactions;

/// <summary>The outcome of checking one winning commit: no conflict, or the kind and a human-readable reason.</summary>
public sealed record ConflictCheckResult(ConflictKind? Kind, string? Reason)
{
    public static readonly ConflictCheckResult None = new(null, null);

    public bool IsConflict => Kind is not null;

    public static ConflictCheckResult Conflict(ConflictKind kind, string reason) => new(kind, reason);
}
