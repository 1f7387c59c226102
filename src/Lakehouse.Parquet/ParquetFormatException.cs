namespace Lakehouse.Parquet;

/// <summary>
/// A Parquet file is malformed, truncated, uses something this library does not support, or a batch does not
/// match the writer's schema. The message names the file, and where known the column and page or byte offset.
/// </summary>
public sealed class ParquetFormatException : LakehouseException
{
    public ParquetFormatException(string message)
        : base(message)
    {
    }

    public ParquetFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
