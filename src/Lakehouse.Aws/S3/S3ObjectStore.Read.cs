using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Aws.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.S3;

public sealed partial class S3ObjectStore
{
    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var response = await GetAsync(key, range: null, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(Describe(key));
        return new S3ResponseStream(response, Describe(key));
    }

    /// <inheritdoc />
    public async Task<ReadOnlyMemory<byte>> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
        {
            return await HeadAsync(key, cancellationToken).ConfigureAwait(false) is null
                ? throw new ObjectNotFoundException(Describe(key))
                : ReadOnlyMemory<byte>.Empty;
        }

        var buffer = new byte[length];
        var filled = await ReadIntoAsync(key, offset, buffer, cancellationToken).ConfigureAwait(false);
        return buffer.AsMemory(0, filled);
    }

    /// <summary>
    /// One ranged GET streamed into <paramref name="buffer"/>; returns the bytes read (fewer only at the end of the
    /// object). Throws <see cref="ObjectNotFoundException"/> when the object is absent.
    /// </summary>
    public async ValueTask<int> ReadIntoAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(key, new ByteRange(offset, offset + buffer.Length - 1), cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(Describe(key));
        if (response.HttpStatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return 0;
        }

        var filled = 0;
        try
        {
            int read;
            while (filled < buffer.Length && (read = await response.ResponseStream.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"GET {Describe(key)} bytes {offset}-{offset + buffer.Length - 1}");
        }

        return filled;
    }

    /// <summary>Reads a whole (small) object into memory, e.g. a commit file; null when it does not exist.</summary>
    internal async Task<byte[]?> TryReadAllAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(key, range: null, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        try
        {
            using var copy = new MemoryStream(response.ContentLength > 0 ? (int)Math.Min(response.ContentLength, int.MaxValue) : 256);
            await response.ResponseStream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"GET {Describe(key)}");
        }
    }

    private async Task<GetObjectResponse?> GetAsync(string key, ByteRange? range, CancellationToken cancellationToken)
    {
        try
        {
            var request = new GetObjectRequest { BucketName = _options.Bucket, Key = FullKey(key) };
            if (range is not null)
            {
                request.ByteRange = range;
            }

            return await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (IsNoSuchKey(e))
        {
            return null;
        }
        catch (AmazonS3Exception e) when (range is not null && e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // Reading at or past the end: an empty range, as the contract allows ("fewer only at the end").
            return new GetObjectResponse { HttpStatusCode = HttpStatusCode.RequestedRangeNotSatisfiable };
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"GET {Describe(key)}");
        }
    }
}
