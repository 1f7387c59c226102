using System.Buffers;
using Amazon.S3.Model;
using Lakehouse.Aws.Errors;

namespace Lakehouse.Aws.S3;

public sealed partial class S3ObjectStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to the object. Content shorter than <see cref="S3ObjectStoreOptions.PartSize"/>
    /// goes in one PUT; longer content in a multipart upload of PartSize parts, holding one part in memory at a time.
    /// A failed multipart upload is aborted, so no invisible parts are left behind (S3 shows the object only on completion).
    /// </summary>
    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var partSize = _options.PartSize;
        if (content.CanSeek && content.Position == 0 && content.Length < partSize)
        {
            // Small, seekable and at its start (commit files, temp objects): send it as is, no copy. The SDK rewinds a
            // seekable body to position 0 (on retries too), so a stream positioned elsewhere takes the buffered path.
            await PutSingleAsync(key, content, cancellationToken).ConfigureAwait(false);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var filled = await FillAsync(content, buffer, partSize, cancellationToken).ConfigureAwait(false);
            if (filled < partSize)
            {
                using var body = new MemoryStream(buffer, 0, filled, writable: false);
                await PutSingleAsync(key, body, cancellationToken).ConfigureAwait(false);
                return;
            }

            await PutMultipartAsync(key, content, buffer, filled, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task PutSingleAsync(string key, Stream body, CancellationToken cancellationToken)
    {
        try
        {
            await _client.PutObjectAsync(
                new PutObjectRequest { BucketName = _options.Bucket, Key = FullKey(key), InputStream = body, AutoCloseStream = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"PUT {Describe(key)}");
        }
    }

    private async Task PutMultipartAsync(string key, Stream content, byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        var fullKey = FullKey(key);
        string uploadId;
        try
        {
            var created = await _client.InitiateMultipartUploadAsync(
                new InitiateMultipartUploadRequest { BucketName = _options.Bucket, Key = fullKey }, cancellationToken).ConfigureAwait(false);
            uploadId = created.UploadId;
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"PUT (multipart start) {Describe(key)}");
        }

        try
        {
            var parts = new List<PartETag>();
            while (filled > 0)
            {
                parts.Add(await UploadPartAsync(key, fullKey, uploadId, parts.Count + 1, buffer, filled, cancellationToken).ConfigureAwait(false));
                filled = await FillAsync(content, buffer, _options.PartSize, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await _client.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest { BucketName = _options.Bucket, Key = fullKey, UploadId = uploadId, PartETags = parts },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
            {
                throw AwsErrors.Translate(e, $"PUT (multipart completion, {parts.Count} parts) {Describe(key)}");
            }
        }
        catch (Exception)
        {
            // Any failure (S3, the caller's source stream, cancellation): abort, so no parts linger, then rethrow.
            await AbortQuietlyAsync(fullKey, uploadId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(string key, string fullKey, string uploadId, int partNumber, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        try
        {
            using var body = new MemoryStream(buffer, 0, count, writable: false);
            var part = await _client.UploadPartAsync(
                new UploadPartRequest
                {
                    BucketName = _options.Bucket,
                    Key = fullKey,
                    UploadId = uploadId,
                    PartNumber = partNumber,
                    InputStream = body,
                    PartSize = count,
                },
                cancellationToken).ConfigureAwait(false);
            return new PartETag(partNumber, part.ETag);
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
        {
            throw AwsErrors.Translate(e, $"PUT (multipart part {partNumber}) {Describe(key)}");
        }
    }

    private async Task AbortQuietlyAsync(string fullKey, string uploadId)
    {
        try
        {
            // Not the caller's token: an upload cancelled by the caller must still be aborted.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _options.Bucket, Key = fullKey, UploadId = uploadId }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (AwsErrors.IsAwsFailure(e, CancellationToken.None))
        {
            // The original failure is what the caller needs; a leftover upload is removed by the bucket's
            // AbortIncompleteMultipartUpload lifecycle rule.
        }
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < count && (read = await content.ReadAsync(buffer.AsMemory(filled, count - filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
