using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Columns.Reading;

/// <summary>Materializes dictionary indices into values of the dictionary (already converted to the logical type).</summary>
internal static class DictionaryGather
{
    public static void Gather(ColumnVector dictionary, ReadOnlySpan<int> indices, ColumnVector target)
    {
        switch (target)
        {
            case Int32Vector t: Primitive((Int32Vector)dictionary, indices, t); break;
            case Int64Vector t: Primitive((Int64Vector)dictionary, indices, t); break;
            case FloatVector t: Primitive((FloatVector)dictionary, indices, t); break;
            case DoubleVector t: Primitive((DoubleVector)dictionary, indices, t); break;
            case DecimalVector t: Primitive((DecimalVector)dictionary, indices, t); break;
            case BooleanVector t: Primitive((BooleanVector)dictionary, indices, t); break;
            case BinaryVector t:
                var d = (BinaryVector)dictionary;
                var count = (uint)d.Count;
                foreach (var i in indices)
                {
                    if ((uint)i >= count)
                    {
                        throw BadIndex(i, d.Count);
                    }

                    t.Append(d.GetBytes(i));
                }

                break;
            default:
                throw new InvalidDataException($"Dictionary values of {target.Type} are not supported.");
        }
    }

    private static void Primitive<T>(PrimitiveVector<T> dictionary, ReadOnlySpan<int> indices, PrimitiveVector<T> target)
        where T : unmanaged
    {
        var values = dictionary.Values;
        var start = target.Count;
        target.EnsureCapacity(start + indices.Length);
        foreach (var i in indices)
        {
            if ((uint)i >= (uint)values.Length)
            {
                throw BadIndex(i, values.Length);
            }

            target.Append(values[i]);
        }
    }

    private static InvalidDataException BadIndex(int index, int count) =>
        new($"Dictionary index {index} is out of range (the dictionary has {count} values).");
}
