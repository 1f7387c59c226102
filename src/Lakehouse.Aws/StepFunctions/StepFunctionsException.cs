namespace Lakehouse.Aws.StepFunctions;

/// <summary>The Step Functions API refused a call (missing state machine, invalid ARN or definition, access denied).</summary>
public sealed class StepFunctionsException : LakehouseException
{
    public StepFunctionsException(string message, string? awsErrorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        AwsErrorCode = awsErrorCode;
    }

    /// <summary>The error code Step Functions sent (e.g. <c>StateMachineDoesNotExist</c>), when it sent one.</summary>
    public string? AwsErrorCode { get; }
}
