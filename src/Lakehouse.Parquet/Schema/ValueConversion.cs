namespace Lakehouse.Parquet.Schema;

/// <summary>Conversion from a physical Parquet value to the columnar model's representation.</summary>
internal enum ValueConversion
{
    None,
    UInt8,
    UInt16,
    UInt32ToLong,
    TimestampMillis,
    TimestampNanos,
    Int96Timestamp,
    Decimal,
    DateMillis,
}
