namespace Lakehouse.Delta.Errors;

/// <summary>
/// A commit could not be made: a concurrent commit conflicts logically with this transaction, or the retry budget ran
/// out while other writers kept winning. Never a silent drop: the message names the winning versions. Its
/// <see cref="LakehouseException.ErrorType"/> is <c>Lakehouse.CommitConflict</c> so the state machine can retry.
/// </summary>
public sealed class CommitConflictException : DeltaException
{
    public CommitConflictException(string message, IReadOnlyList<long> winningVersions, string? conflict)
        : base(message)
    {
        WinningVersions = winningVersions;
        Conflict = conflict;
    }

    /// <summary>The versions other writers committed while this transaction tried.</summary>
    public IReadOnlyList<long> WinningVersions { get; }

    /// <summary>The logical conflict found, or null when the attempt/time budget was exhausted without one.</summary>
    public string? Conflict { get; }

    public override string ErrorType => "Lakehouse.CommitConflict";
}
