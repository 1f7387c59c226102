namespace Lakehouse.Parquet;

/// <summary>A row group of an open file: rows, sizes from the footer, and per-leaf statistics.</summary>
public sealed record RowGroupInfo(int Index, long RowCount, long TotalByteSize, long CompressedSize, IReadOnlyList<ColumnStatistics> Columns);
