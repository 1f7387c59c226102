namespace Lakehouse.Pipelines.Sources.Input;

/// <summary>
/// The text content of a source file: gzip is decompressed transparently when the name ends in <c>.gz</c> or the
/// content starts with the magic bytes <c>1f 8b</c>, through <see cref="GzipMemberStream"/>, which reads concatenated
/// members and throws <see cref="InvalidDataException"/> on truncated or corrupt data (every member's CRC-32 and
/// length are checked).
/// </summary>
internal sealed class DecodedInput : IAsyncDisposable
{
    private readonly CountingStream _raw;

    private DecodedInput(CountingStream raw, Stream content, bool isGzip, string sourceUri)
    {
        _raw = raw;
        Content = content;
        IsGzip = isGzip;
        SourceUri = sourceUri;
    }

    public Stream Content { get; }

    public bool IsGzip { get; }

    public string SourceUri { get; }

    /// <summary>Bytes read from the object so far (compressed size for gzip).</summary>
    public long RawBytesRead => _raw.BytesRead;

    public static async Task<DecodedInput> OpenAsync(Stream raw, string sourceUri, long? maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (maxBytes is { } max && raw.CanSeek && raw.Length - raw.Position > max)
        {
            throw new SourceFormatException(
                sourceUri, $"the file is {(raw.Length - raw.Position) / (1024 * 1024)} MB, larger than the source's limit of {max / (1024 * 1024)} MB (maxFileSizeMb).");
        }

        var prefix = new byte[2];
        var n = await raw.ReadAtLeastAsync(prefix, 2, throwOnEndOfStream: false, cancellationToken);
        var counting = new CountingStream(raw, prefix, n, maxBytes, sourceUri);
        var magic = n == 2 && prefix[0] == 0x1f && prefix[1] == 0x8b;
        var named = sourceUri.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || sourceUri.EndsWith(".gzip", StringComparison.OrdinalIgnoreCase);
        if (named && !magic && n > 0)
        {
            throw new SourceFormatException(sourceUri, "the name ends in .gz but the content is not gzip (it does not start with the bytes 1f 8b).", byteOffset: 0);
        }

        if (magic)
        {
            return new DecodedInput(counting, new GzipMemberStream(counting), true, sourceUri);
        }

        return new DecodedInput(counting, counting, false, sourceUri);
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
