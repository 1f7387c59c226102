namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// The handler stopped because its token fired at the invocation deadline minus the safety margin.
/// Reported with error type <c>Lakehouse.Timeout</c> (Lambda's own hard timeout would report <c>Sandbox.Timedout</c>).
/// </summary>
public sealed class InvocationTimeoutException : LakehouseException
{
    public const string TimeoutErrorType = "Lakehouse.Timeout";

    public InvocationTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override string ErrorType => TimeoutErrorType;
}
