namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// A source file cannot be read at all (not text, corrupt or truncated gzip, a record too large, over the size
/// limit). The ingestion layer quarantines the file with this message; values that merely do not fit a column are
/// never reported this way (they go to the rescued data column).
/// </summary>
public sealed class SourceFormatException : LakehouseException
{
    public SourceFormatException(string sourceUri, string reason, long? line = null, long? byteOffset = null, Exception? innerException = null)
        : base(Format(sourceUri, reason, line, byteOffset), innerException)
    {
        SourceUri = sourceUri;
        Reason = reason;
        Line = line;
        ByteOffset = byteOffset;
    }

    /// <summary>The file that could not be read.</summary>
    public string SourceUri { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>1-based line where the problem was found, when known.</summary>
    public long? Line { get; }

    /// <summary>0-based byte offset in the (decompressed) content, when known.</summary>
    public long? ByteOffset { get; }

    private static string Format(string uri, string reason, long? line, long? offset)
    {
        var where = (line, offset) switch
        {
            (not null, not null) => $" at line {line}, byte {offset}",
            (not null, null) => $" at line {line}",
            (null, not null) => $" at byte {offset}",
            _ => string.Empty,
        };
        return $"Cannot read source file '{uri}'{where}: {reason} Fix or re-export the file and upload it again.";
    }
}
