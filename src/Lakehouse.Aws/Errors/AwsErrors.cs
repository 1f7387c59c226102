using System.Net;
using Amazon.Runtime;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.Errors;

/// <summary>
/// Classifies AWS SDK and transport failures and turns them into the LakehouseException family, so no SDK exception
/// leaves this assembly. Used in <c>catch (Exception e) when (AwsErrors.IsAwsFailure(e, ct))</c> filters.
/// </summary>
internal static class AwsErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    /// <summary>True for failures this assembly translates; false for caller cancellation and programming errors.</summary>
    public static bool IsAwsFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>True when AWS answered with a throttling error (the request was not applied).</summary>
    public static bool IsThrottling(Exception exception) =>
        exception is AmazonServiceException service
        && ((service.ErrorCode is { } code && ThrottlingCodes.Contains(code)) || service.StatusCode == HttpStatusCode.TooManyRequests);

    /// <summary>True when a request may or may not have been applied: timeouts, broken connections, 5xx answers.</summary>
    public static bool IsOutcomeUnknown(Exception exception) => exception switch
    {
        OperationCanceledException or HttpRequestException or IOException or TimeoutException => true,
        AmazonServiceException service => !IsThrottling(service) && (int)service.StatusCode >= 500,
        AmazonClientException => true,
        _ => false,
    };

    /// <summary>The AWS error code, when the service sent one.</summary>
    public static string? ErrorCode(Exception exception) => (exception as AmazonServiceException)?.ErrorCode;

    /// <summary>
    /// The LakehouseException for <paramref name="exception"/>; <paramref name="operation"/> names the call and its
    /// object (for example <c>PUT s3://lake/t/_delta_log/00000000000000000003.json</c>).
    /// </summary>
    public static LakehouseException Translate(Exception exception, string operation)
    {
        if (IsThrottling(exception))
        {
            return new ThrottledException(
                $"{operation} was throttled by AWS ({ErrorCode(exception)}) after the SDK's retries. Retry later with backoff, or raise the request-rate or capacity limits.",
                exception);
        }

        if (NeverSent(exception) is { } unreachable)
        {
            // Still the retryable "outcome unknown" type (callers re-read and retry alike), but the message says what
            // happened: the service could not be reached at all, which is a configuration or network problem.
            return new StorageOutcomeUnknownException(
                $"{operation} could not reach the service ({unreachable.HttpRequestError}: {unreachable.Message}); nothing was sent. Check the endpoint (--endpoint / AWS_ENDPOINT_URL), the region and the network, then retry.",
                exception);
        }

        if (IsOutcomeUnknown(exception))
        {
            return new StorageOutcomeUnknownException(
                $"{operation} failed without a definite answer ({Describe(exception)}); it may or may not have been applied. Re-read the state before retrying.",
                exception);
        }

        var code = ErrorCode(exception);
        var hint = code switch
        {
            "AccessDenied" or "AccessDeniedException" => "Check the IAM policy of the caller for this bucket/table.",
            "NoSuchBucket" => "Create the bucket or fix the bucket name in the configuration.",
            "ResourceNotFoundException" => "Create the DynamoDB table (the SAM template does; or DeltaLogTable.EnsureCreatedAsync) or fix the table name in the configuration (DELTA_LOG_TABLE / --delta-log-table, USAGE_TABLE / --usage-table).",
            _ => "Check the request and the AWS configuration (region, endpoint, credentials).",
        };
        return new AwsStorageException($"{operation} failed: {Describe(exception)}. {hint}", code, exception);
    }

    /// <summary>The transport failure when the connection could not even be made (DNS, refused): the request was not sent.</summary>
    private static HttpRequestException? NeverSent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } http)
            {
                return http;
            }
        }

        return null;
    }

    private static string Describe(Exception exception) => exception switch
    {
        AmazonServiceException service => $"{service.ErrorCode ?? "no error code"}, HTTP {(int)service.StatusCode}: {service.Message}",
        OperationCanceledException or TimeoutException => "timed out",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
