namespace Lakehouse.Aws.Errors;

/// <summary>
/// An S3 or DynamoDB call failed for a reason that is neither "not found", "already exists", throttling, nor an unknown
/// outcome: access denied, missing bucket or table, invalid request. The message names the bucket/key or table and
/// the AWS error code, and says what to check.
/// </summary>
public sealed class AwsStorageException : LakehouseException
{
    public AwsStorageException(string message, string? awsErrorCode, Exception? innerException)
        : base(message, innerException)
    {
        AwsErrorCode = awsErrorCode;
    }

    /// <summary>The AWS error code (for example <c>AccessDenied</c>, <c>NoSuchBucket</c>, <c>ResourceNotFoundException</c>), when AWS sent one.</summary>
    public string? AwsErrorCode { get; }
}
