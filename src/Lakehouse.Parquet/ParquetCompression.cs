namespace Lakehouse.Parquet;

/// <summary>Page compression for written files. <see cref="Zstd"/> is supported for reading only.</summary>
public enum ParquetCompression
{
    Uncompressed,
    Snappy,
    Gzip,
    Zstd,
}
