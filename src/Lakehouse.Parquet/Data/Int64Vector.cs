namespace Lakehouse.Parquet.Data;

/// <summary>long and timestamp (microseconds since the Unix epoch, UTC) values.</summary>
public sealed class Int64Vector : PrimitiveVector<long>
{
    public Int64Vector(DataType type, int capacity = 16)
        : base(type, capacity)
    {
        if (type.Kind is not (TypeKind.Long or TypeKind.Timestamp))
        {
            throw new ArgumentException($"Int64Vector cannot hold {type}.", nameof(type));
        }
    }

    protected override object GetValueCore(int index)
    {
        var v = this[index];
        return Type.Kind == TypeKind.Timestamp ? FromUnixMicros(v) : v;
    }

    public override void AppendValue(object? value)
    {
        switch (value)
        {
            case null: AppendNull(); break;
            case DateTime dt: Append(ToUnixMicros(dt)); break;
            case DateTimeOffset dto: Append(ToUnixMicros(dto.UtcDateTime)); break;
            default: Append(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>UTC <see cref="DateTime"/> for a microsecond timestamp.</summary>
    public static DateTime FromUnixMicros(long micros) => DateTime.UnixEpoch.AddTicks(micros * 10);

    /// <summary>Microseconds since the epoch; unspecified kinds are taken as UTC.</summary>
    public static long ToUnixMicros(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;
    }
}
