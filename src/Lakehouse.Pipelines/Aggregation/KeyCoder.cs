using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Dictionary-encodes one key column: every distinct value (NULL included) gets a dense int code, typed per column
/// (integers, dates, timestamps and normalised floating point through a long map, booleans directly, decimals and
/// strings through a byte map over the value's own bytes), so no row is boxed or serialised. A composite key is then
/// the tuple of its columns' codes, which <see cref="GroupTable"/> packs pairwise into longs.
/// </summary>
internal sealed class KeyCoder
{
    private readonly LongGroupMap? _longs;
    private readonly BytesGroupMap? _bytes;
    private readonly bool _boolean;
    private int _nullCode = -1;
    private int _count;

    public KeyCoder(DataType type)
    {
        _boolean = type.Kind == TypeKind.Boolean;
        if (type.Kind is TypeKind.String or TypeKind.Binary or TypeKind.Decimal)
        {
            _bytes = new BytesGroupMap();
        }
        else if (!_boolean)
        {
            _longs = new LongGroupMap();
        }
    }

    /// <summary>Writes the code of every row of <paramref name="column"/> into <paramref name="codes"/>, adding new values.</summary>
    public void Encode(EvalColumn column, Span<int> codes)
    {
        var scalar = column.IsScalar;
        var nulls = column.Nulls.Span;
        switch (column)
        {
            case PrimitiveColumn<long> c:
                {
                    var values = c.Values.Span;
                    for (var i = 0; i < codes.Length; i++)
                    {
                        var at = scalar ? 0 : i;
                        codes[i] = !nulls.IsEmpty && nulls[at] ? NullCode() : _longs!.GetOrAdd(values[at], _count, out var added) + Added(added);
                    }

                    return;
                }

            case PrimitiveColumn<int> c:
                {
                    var values = c.Values.Span;
                    for (var i = 0; i < codes.Length; i++)
                    {
                        var at = scalar ? 0 : i;
                        codes[i] = !nulls.IsEmpty && nulls[at] ? NullCode() : _longs!.GetOrAdd(values[at], _count, out var added) + Added(added);
                    }

                    return;
                }

            case BinaryColumn c:
                {
                    var data = c.Data.Span;
                    var offsets = c.Offsets.Span;
                    for (var i = 0; i < codes.Length; i++)
                    {
                        var at = scalar ? 0 : i;
                        codes[i] = !nulls.IsEmpty && nulls[at] ? NullCode() : _bytes!.GetOrAdd(data[offsets[at]..offsets[at + 1]], _count, out var added) + Added(added);
                    }

                    return;
                }

            default:
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = Code(column, scalar ? 0 : i, add: true);
                }

                return;
        }
    }

    /// <summary>The code of row <paramref name="row"/>'s value, or -1 when the value has none yet (nothing is added).</summary>
    public int TryCode(EvalColumn column, int row) => Code(column, column.IsScalar ? 0 : row, add: false);

    private int Code(EvalColumn column, int row, bool add)
    {
        if (column.IsNull(row))
        {
            return add ? NullCode() : _nullCode;
        }

        Span<byte> scratch = stackalloc byte[16];
        switch (column)
        {
            case PrimitiveColumn<bool> c:
                return c.Values.Span[row] ? 1 : 0;
            case PrimitiveColumn<long> c:
                return Long(c.Values.Span[row], add);
            case PrimitiveColumn<int> c:
                return Long(c.Values.Span[row], add);
            case PrimitiveColumn<double> c:
                return Long(BitConverter.DoubleToInt64Bits(RowBytes.Normalize(c.Values.Span[row])), add);
            case PrimitiveColumn<float> c:
                return Long(BitConverter.DoubleToInt64Bits(RowBytes.Normalize(c.Values.Span[row])), add);
            case PrimitiveColumn<Int128> c:
                BinaryPrimitives.WriteInt128LittleEndian(scratch, c.Values.Span[row]);
                return Bytes(scratch, add);
            case BinaryColumn c:
                return Bytes(c.ValueAt(row), add);
            default:
                throw new InvalidOperationException($"Cannot group by {column.Type}.");
        }
    }

    private int Long(long value, bool add)
    {
        if (!add)
        {
            return _longs!.TryGet(value);
        }

        var code = _longs!.GetOrAdd(value, _count, out var added);
        return code + Added(added);
    }

    private int Bytes(ReadOnlySpan<byte> value, bool add)
    {
        if (!add)
        {
            return _bytes!.TryGet(value);
        }

        var code = _bytes!.GetOrAdd(value, _count, out var added);
        return code + Added(added);
    }

    /// <summary>Counts a newly added value; returns 0 so it can be folded into an expression.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Added(bool added)
    {
        if (added)
        {
            _count++;
        }

        return 0;
    }

    private int NullCode()
    {
        if (_nullCode < 0)
        {
            // Booleans use codes 0 and 1 for their values; everything else shares the counter with its values.
            _nullCode = _boolean ? 2 : _count++;
        }

        return _nullCode;
    }
}
