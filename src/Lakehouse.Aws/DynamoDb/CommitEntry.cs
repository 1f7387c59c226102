namespace Lakehouse.Aws.DynamoDb;

/// <summary>
/// One item of the S3DynamoDBLogStore table: who owns commit <see cref="FileName"/> of <see cref="TablePath"/>, and
/// where its staged bytes are until they are copied to <c>_delta_log/N.json</c>.
/// </summary>
/// <param name="TablePath">Hash key: the fully qualified table root, no trailing '/' (<c>s3a://bucket/path/table</c>).</param>
/// <param name="FileName">Range key: the commit file name (<c>00000000000000000005.json</c>).</param>
/// <param name="TempPath">The staged commit, relative to <c>_delta_log</c> (<c>.tmp/00000000000000000005.json.&lt;uuid&gt;</c>).</param>
/// <param name="Complete">True once N.json holds the commit.</param>
/// <param name="ExpireTime">Epoch seconds after which DynamoDB TTL may delete the item; set when complete.</param>
internal sealed record CommitEntry(string TablePath, string FileName, string TempPath, bool Complete, long? ExpireTime = null);
