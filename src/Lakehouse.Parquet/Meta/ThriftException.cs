namespace Lakehouse.Parquet.Meta;

/// <summary>Malformed Thrift data; callers wrap it into a ParquetFormatException that names the file.</summary>
internal sealed class ThriftException : Exception
{
    public ThriftException(string message)
        : base(message)
    {
    }
}
