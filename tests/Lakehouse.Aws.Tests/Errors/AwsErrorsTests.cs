using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Lakehouse.Aws.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.Tests.Errors;

public sealed class AwsErrorsTests
{
    public static TheoryData<Exception, Type> Cases => new()
    {
        { new AmazonS3Exception("slow", Amazon.Runtime.ErrorType.Receiver, "SlowDown", "r", HttpStatusCode.ServiceUnavailable), typeof(ThrottledException) },
        { new ProvisionedThroughputExceededException("busy") { ErrorCode = "ProvisionedThroughputExceededException", StatusCode = HttpStatusCode.BadRequest }, typeof(ThrottledException) },
        { new AmazonServiceException("too many") { StatusCode = HttpStatusCode.TooManyRequests }, typeof(ThrottledException) },
        { new AmazonS3Exception("boom", Amazon.Runtime.ErrorType.Receiver, "InternalError", "r", HttpStatusCode.InternalServerError), typeof(StorageOutcomeUnknownException) },
        { new TimeoutException("slow network"), typeof(StorageOutcomeUnknownException) },
        { new TaskCanceledException("HttpClient.Timeout"), typeof(StorageOutcomeUnknownException) },
        { new HttpRequestException("reset"), typeof(StorageOutcomeUnknownException) },
        { new AmazonS3Exception("denied", Amazon.Runtime.ErrorType.Sender, "AccessDenied", "r", HttpStatusCode.Forbidden), typeof(AwsStorageException) },
        { new ResourceNotFoundException("no table") { ErrorCode = "ResourceNotFoundException", StatusCode = HttpStatusCode.BadRequest }, typeof(AwsStorageException) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Translate_MapsEachFailureToItsFamilyMember(Exception failure, Type expected)
    {
        var translated = AwsErrors.Translate(failure, "PUT s3://lake/t/_delta_log/00000000000000000001.json");

        Assert.IsType(expected, translated);
        Assert.Same(failure, translated.InnerException);
        Assert.Contains("s3://lake/t/_delta_log/00000000000000000001.json", translated.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Translate_AConnectionThatWasNeverMade_SaysNothingWasSentAndNamesTheEndpointSetting(bool wrapped)
    {
        Exception refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)");
        if (wrapped)
        {
            refused = new Amazon.Runtime.AmazonClientException("send failed", refused);
        }

        var translated = AwsErrors.Translate(refused, "LIST s3://lake/t/_delta_log/");
        var timedOut = AwsErrors.Translate(new HttpRequestException(HttpRequestError.ResponseEnded, "response ended"), "LIST s3://lake/t/_delta_log/");

        Assert.IsType<StorageOutcomeUnknownException>(translated);
        Assert.Contains("nothing was sent", translated.Message, StringComparison.Ordinal);
        Assert.Contains("--endpoint", translated.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was sent", timedOut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorTypes_AreStableNamesForRetryRules()
    {
        Assert.Equal("Lakehouse.Throttled", new ThrottledException("x", null).ErrorType);
        Assert.Equal("Lakehouse.StorageOutcomeUnknown", new StorageOutcomeUnknownException("x", null).ErrorType);
        Assert.Equal("Lakehouse.AwsStorage", new AwsStorageException("x", null, null).ErrorType);
    }

    [Fact]
    public void IsAwsFailure_LeavesTheCallersOwnCancellationAlone()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(AwsErrors.IsAwsFailure(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.True(AwsErrors.IsAwsFailure(new OperationCanceledException(), CancellationToken.None));
        Assert.False(AwsErrors.IsAwsFailure(new InvalidOperationException(), CancellationToken.None));
    }

    [Fact]
    public void Backoff_StaysWithinTheCappedExponentialCeiling()
    {
        for (var attempt = 1; attempt < 30; attempt++)
        {
            var delay = Backoff.DelayFor(attempt);
            Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(Math.Min(2000, 25 * Math.Pow(2, Math.Min(attempt, 16)))));
        }
    }
}
