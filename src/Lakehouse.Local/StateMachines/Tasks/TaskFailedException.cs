namespace Lakehouse.Local.StateMachines.Tasks;

/// <summary>
/// Lets a handler fail a task with an explicit ASL error name (for example <c>Lambda.ServiceException</c> in tests,
/// or a name a pipeline's Retry rules expect).
/// </summary>
public sealed class TaskFailedException : LakehouseException
{
    public TaskFailedException(string error, string cause)
        : base(cause)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        Error = error;
    }

    public string Error { get; }

    /// <inheritdoc/>
    public override string ErrorType => Error;
}
