namespace Lakehouse.Cli.Targets;

/// <summary>A bucket and an optional key prefix, written <c>s3://bucket[/prefix]</c> (or a bare bucket name, as in LAKE_BUCKET).</summary>
internal sealed record S3Location(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string text) => text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || text.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket/prefix</c>, <c>s3a://bucket/prefix</c> or <c>bucket</c>; <paramref name="what"/> names the option in errors.</summary>
    public static S3Location Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        var separator = rest.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            if (!IsS3(rest))
            {
                throw new CliUsageException($"{what} '{text}' is not an S3 location; write s3://bucket or s3://bucket/prefix.");
            }

            rest = rest[(separator + 3)..];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
        if (bucket.Length < 3 || bucket.Length > 63 || !bucket.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
        {
            throw new CliUsageException($"{what} '{text}' does not name an S3 bucket (3-63 characters of a-z, 0-9, '.', '-'); write s3://bucket or s3://bucket/prefix.");
        }

        return new S3Location(bucket, prefix);
    }

    /// <summary>The location of <paramref name="key"/> below this one.</summary>
    public S3Location Child(string key)
    {
        var k = key.Trim('/');
        return this with { Prefix = Prefix.Length == 0 ? k : k.Length == 0 ? Prefix : $"{Prefix}/{k}" };
    }

    public override string ToString() => Prefix.Length == 0 ? Scheme + Bucket : $"{Scheme}{Bucket}/{Prefix}";
}
