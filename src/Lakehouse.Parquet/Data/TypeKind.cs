namespace Lakehouse.Parquet.Data;

/// <summary>
/// The logical types of the columnar model. The names follow Spark/Delta (<c>long</c>, <c>integer</c>, ...)
/// because every table we write is a Delta table; the Parquet layer maps them to physical types.
/// </summary>
public enum TypeKind
{
    Boolean,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    String,
    Binary,
    /// <summary>Days since 1970-01-01, stored as <see cref="int"/>.</summary>
    Date,
    /// <summary>Microseconds since the Unix epoch, UTC-adjusted, stored as <see cref="long"/>.</summary>
    Timestamp,
    /// <summary>Unscaled <see cref="Int128"/> with the precision and scale of its <see cref="DecimalType"/>.</summary>
    Decimal,
    Struct,
    Array,
    Map,
}
