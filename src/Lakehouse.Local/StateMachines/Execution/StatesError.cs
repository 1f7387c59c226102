namespace Lakehouse.Local.StateMachines.Execution;

/// <summary>
/// An ASL error travelling through the interpreter: a name Retry/Catch match on (<c>States.Timeout</c>,
/// <c>Lakehouse.CommitConflict</c>, ...) and a cause. Internal control flow only; callers see
/// <see cref="ExecutionResult"/>.
/// </summary>
internal sealed class StatesError : Exception
{
    public StatesError(string error, string? cause, Exception? inner = null)
        : base($"{error}: {cause}", inner)
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }

    /// <summary>True for errors no Retry or Catch may handle (States.Runtime, States.DataLimitExceeded).</summary>
    public bool IsTerminal => Error is ErrorNames.Runtime or ErrorNames.DataLimitExceeded;

    public static StatesError Runtime(string cause) => new(ErrorNames.Runtime, cause);
}
