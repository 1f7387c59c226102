namespace Lakehouse.Parquet;

/// <summary>What <see cref="ParquetFileWriter.Close"/> wrote: rows, bytes and per-leaf statistics over the whole file.</summary>
public sealed record ParquetWriteResult(long RowCount, long FileSize, IReadOnlyList<ColumnStatistics> Columns);
