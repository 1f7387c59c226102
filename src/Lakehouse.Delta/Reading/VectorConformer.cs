using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Reading;

/// <summary>
/// Makes a vector read from a data file fit the snapshot schema: same type → as is; otherwise rebuilt value by value
/// (structs matched by field name with missing fields as null, integer widening). Also builds constant and null columns.
/// </summary>
internal static class VectorConformer
{
    public static ColumnVector Conform(ColumnVector vector, DataType target)
    {
        if (Equals(vector.Type, target))
        {
            return vector;
        }

        var result = ColumnVector.Create(target, Math.Max(vector.Count, 1));
        for (var i = 0; i < vector.Count; i++)
        {
            result.AppendValue(ConvertValue(vector.GetValue(i), vector.Type, target));
        }

        return result;
    }

    private static object? ConvertValue(object? value, DataType source, DataType target)
    {
        if (value is null)
        {
            return null;
        }

        switch (source, target)
        {
            case (StructType ss, StructType ts):
                var src = (object?[])value;
                var dst = new object?[ts.Fields.Count];
                for (var i = 0; i < ts.Fields.Count; i++)
                {
                    var j = ss.IndexOf(ts.Fields[i].Name);
                    dst[i] = j < 0 ? null : ConvertValue(src[j], ss.Fields[j].Type, ts.Fields[i].Type);
                }

                return dst;
            case (ArrayType sa, ArrayType ta):
                return ((List<object?>)value).Select(e => ConvertValue(e, sa.ElementType, ta.ElementType)).ToList();
            case (MapType sm, MapType tm):
                return ((List<KeyValuePair<object, object?>>)value)
                    .Select(kv => new KeyValuePair<object, object?>(ConvertValue(kv.Key, sm.KeyType, tm.KeyType)!, ConvertValue(kv.Value, sm.ValueType, tm.ValueType)))
                    .ToList();
            default:
                return value;
        }
    }

    /// <summary>A column of <paramref name="rows"/> copies of <paramref name="value"/> (null gives a null column).</summary>
    public static ColumnVector Constant(DataType type, object? value, int rows)
    {
        var vector = ColumnVector.Create(type, Math.Max(rows, 1));
        for (var i = 0; i < rows; i++)
        {
            if (value is null)
            {
                vector.AppendNull();
            }
            else
            {
                vector.AppendValue(value);
            }
        }

        return vector;
    }
}
