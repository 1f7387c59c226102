namespace Lakehouse.Aws.Errors;

/// <summary>
/// AWS refused a call because of request-rate or capacity limits, after the SDK's own retries. The request was not
/// applied, so retrying later with jittered backoff is safe. Its <see cref="LakehouseException.ErrorType"/> is
/// <c>Lakehouse.Throttled</c>, which the state machine's Retry rules match.
/// </summary>
public sealed class ThrottledException : LakehouseException
{
    public ThrottledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string ErrorType => "Lakehouse.Throttled";
}
