using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Aws.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.S3;

/// <summary>
/// <see cref="IObjectStore"/> over one S3 bucket (optionally under a key prefix): ranged streaming GETs, streamed
/// (multipart) PUTs, put-if-absent with <c>If-None-Match: *</c>, ordinal LIST v2 and idempotent DELETE.
/// AWS exceptions are translated into <see cref="ObjectNotFoundException"/>, <see cref="PutIfAbsentResult"/> values or
/// the <see cref="LakehouseException"/> family (<see cref="ThrottledException"/>, <see cref="StorageOutcomeUnknownException"/>,
/// <see cref="AwsStorageException"/>), each naming the bucket and key.
/// </summary>
public sealed partial class S3ObjectStore : IObjectStore
{
    private readonly IAmazonS3 _client;
    private readonly S3ObjectStoreOptions _options;
    private readonly string _prefix;

    /// <summary>Creates a store over <paramref name="options"/>' bucket using <paramref name="client"/> (not owned).</summary>
    public S3ObjectStore(IAmazonS3 client, S3ObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Bucket);
        if (options.PartSize < S3ObjectStoreOptions.MinimumPartSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PartSize, $"PartSize must be at least {S3ObjectStoreOptions.MinimumPartSize} bytes (S3's multipart minimum).");
        }

        _client = client;
        _options = options;
        _prefix = (options.Prefix ?? string.Empty).Trim('/');
    }

    /// <summary>The bucket name.</summary>
    public string Bucket => _options.Bucket;

    /// <summary>The key prefix every store key lives under ("" for the bucket root).</summary>
    public string Prefix => _prefix;

    /// <inheritdoc />
    public string Describe(string key) => $"s3://{_options.Bucket}/{FullKey(key)}";

    /// <summary>The S3 object key of a store key (the prefix joined with <paramref name="key"/>).</summary>
    public string FullKey(string key) => _prefix.Length == 0 ? key : key.Length == 0 ? _prefix + "/" : $"{_prefix}/{key}";

    /// <inheritdoc />
    public async Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = _options.Bucket, Key = FullKey(key) }, cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(key, response.ContentLength, ToOffset(response.LastModified), response.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"HEAD {Describe(key)}");
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            // S3 answers 204 for a missing key, so DELETE is idempotent without a HEAD.
            await _client.DeleteObjectAsync(
                new DeleteObjectRequest { BucketName = _options.Bucket, Key = FullKey(key) }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode == "NoSuchKey")
        {
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"DELETE {Describe(key)}");
        }
    }

    private static DateTimeOffset ToOffset(DateTime? value) => value is { } v
        ? new DateTimeOffset(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime())
        : DateTimeOffset.UnixEpoch;

    private static bool IsNoSuchKey(AmazonS3Exception e) => e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket";
}
