namespace Lakehouse.Pipelines.Sources;

/// <summary>Counters of one file read so far.</summary>
/// <param name="RowsRead">Rows produced (bad JSON lines included: they become rows holding only rescued data).</param>
/// <param name="RowsRescued">Rows whose rescued data column is not null.</param>
/// <param name="ValuesRescued">Individual values rescued (a row may rescue several).</param>
/// <param name="BadLines">JSON lines that were not a valid JSON object.</param>
/// <param name="EmptyLinesSkipped">Blank lines skipped.</param>
/// <param name="BytesRead">Decoded (uncompressed) bytes read.</param>
/// <param name="RawBytesRead">Bytes read from the object (compressed size for gzip).</param>
public sealed record SourceReadStats(long RowsRead, long RowsRescued, long ValuesRescued, long BadLines, long EmptyLinesSkipped, long BytesRead, long RawBytesRead);
