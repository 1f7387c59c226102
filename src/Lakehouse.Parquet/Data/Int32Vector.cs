namespace Lakehouse.Parquet.Data;

/// <summary>byte, short, integer and date (days since 1970-01-01) values.</summary>
public sealed class Int32Vector : PrimitiveVector<int>
{
    public Int32Vector(DataType type, int capacity = 16)
        : base(type, capacity)
    {
        if (type.Kind is not (TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Date))
        {
            throw new ArgumentException($"Int32Vector cannot hold {type}.", nameof(type));
        }
    }

    protected override object GetValueCore(int index)
    {
        var v = this[index];
        return Type.Kind switch
        {
            TypeKind.Byte => (sbyte)v,
            TypeKind.Short => (short)v,
            TypeKind.Date => DateOnly.FromDayNumber(UnixEpochDayNumber + v),
            _ => v,
        };
    }

    public override void AppendValue(object? value)
    {
        switch (value)
        {
            case null: AppendNull(); break;
            case DateOnly d: Append(d.DayNumber - UnixEpochDayNumber); break;
            case DateTime dt: Append(DateOnly.FromDateTime(dt).DayNumber - UnixEpochDayNumber); break;
            default: Append(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary><see cref="DateOnly.DayNumber"/> of 1970-01-01.</summary>
    public static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;
}
