using System.Net;
using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Aws.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.S3;

public sealed partial class S3ObjectStore
{
    /// <summary>
    /// Creates the object with a conditional PUT (<c>If-None-Match: *</c>). S3 answers 412 Precondition Failed when the
    /// key exists (→ <see cref="PutIfAbsentResult.AlreadyExists"/>) and 409 ConditionalRequestConflict while a
    /// conflicting write is in flight (→ retried with jittered backoff, then <see cref="ThrottledException"/>).
    /// A timeout throws <see cref="StorageOutcomeUnknownException"/>: the object may exist now.
    /// </summary>
    /// <remarks>
    /// The SDK may resend a request whose first attempt succeeded but whose answer was lost; the resend then sees 412.
    /// Callers that must tell "mine" from "someone else's" (log stores) compare the stored bytes after AlreadyExists.
    /// </remarks>
    public async Task<PutIfAbsentResult> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var segment = MemoryMarshal.TryGetArray(content, out var array) ? array : new ArraySegment<byte>(content.ToArray());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var body = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
                await _client.PutObjectAsync(
                    new PutObjectRequest
                    {
                        BucketName = _options.Bucket,
                        Key = FullKey(key),
                        InputStream = body,
                        AutoCloseStream = false,
                        IfNoneMatch = "*",
                    },
                    cancellationToken).ConfigureAwait(false);
                return PutIfAbsentResult.Created;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                return PutIfAbsentResult.AlreadyExists;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Conflict && attempt < _options.ConditionalConflictAttempts)
            {
                await Backoff.DelayAsync(attempt, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                throw new ThrottledException(
                    $"Conditional PUT {Describe(key)} kept meeting concurrent writes (409 {e.ErrorCode}) after {attempt} attempts. Retry later with backoff.",
                    e);
            }
            catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
            {
                throw AwsErrors.Translate(e, $"conditional PUT (If-None-Match: *) {Describe(key)}");
            }
        }
    }
}
