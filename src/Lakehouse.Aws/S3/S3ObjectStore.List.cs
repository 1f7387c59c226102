using System.Runtime.CompilerServices;
using Amazon.S3.Model;
using Lakehouse.Aws.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.S3;

public sealed partial class S3ObjectStore
{
    /// <summary>
    /// LIST v2 pages, followed lazily. S3 returns keys in UTF-8 byte order, which is the contract's ordinal order;
    /// <paramref name="startAfter"/> maps to S3's StartAfter, so a listing of a long log starts where the caller needs it.
    /// </summary>
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, string? startAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request
        {
            BucketName = _options.Bucket,
            Prefix = FullKey(prefix),
            StartAfter = startAfter is null ? null : FullKey(startAfter),
            MaxKeys = _options.ListPageSize,
        };
        var strip = _prefix.Length == 0 ? 0 : _prefix.Length + 1;
        while (true)
        {
            ListObjectsV2Response page;
            try
            {
                page = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (AwsErrors.IsAwsFailure(e, cancellationToken))
            {
                throw AwsErrors.Translate(e, $"LIST {Describe(prefix)}*");
            }

            foreach (var item in page.S3Objects ?? [])
            {
                yield return new ObjectInfo(item.Key[strip..], item.Size ?? 0, ToOffset(item.LastModified), item.ETag);
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
            request.StartAfter = null;
        }
    }
}
