using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// Writes the key columns of a row as one canonical byte string, so keys are hashed and compared without boxing:
/// per column a tag byte (0 = NULL), then integers (any width, dates) as 8 bytes, floating point as the 8 bytes of the
/// double (-0 and NaN normalised), decimals as the 16-byte unscaled value, booleans as one byte, strings and binaries
/// length-prefixed. Equal keys encode equally whichever batch, file or integer width they come from.
/// </summary>
internal sealed class KeyEncoder
{
    private readonly ColumnVector?[] _columns;

    private KeyEncoder(ColumnVector?[] columns)
    {
        _columns = columns;
    }

    /// <summary>An encoder over the columns named <paramref name="keyNames"/> of <paramref name="batch"/> (a missing column reads as NULL).</summary>
    public static KeyEncoder For(RecordBatch batch, IReadOnlyList<string> keyNames)
    {
        var columns = new ColumnVector?[keyNames.Count];
        for (var k = 0; k < columns.Length; k++)
        {
            var index = batch.Schema.IndexOf(keyNames[k]);
            columns[k] = index < 0 ? null : batch.Columns[index];
            if (columns[k] is { } c && c is not (Int32Vector or Int64Vector or BinaryVector or DoubleVector or FloatVector or DecimalVector or BooleanVector))
            {
                throw new TransformException($"Key column '{keyNames[k]}' has type {c.Type}; merge and dedupe keys must be scalar columns (numbers, strings, dates, timestamps, booleans).");
            }
        }

        return new KeyEncoder(columns);
    }

    /// <summary>
    /// Looks up every row's key in <paramref name="table"/>: <paramref name="ids"/>[r] is the key's number or -1. A single
    /// integer key column (the common case) takes a tight loop over its values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FindAll(KeyTable table, Span<int> ids)
    {
        Span<byte> key = stackalloc byte[9];
        key[0] = 1;
        if (_columns is [Int64Vector longs] && !longs.HasNulls)
        {
            var values = longs.Values;
            for (var r = 0; r < values.Length; r++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(key[1..], values[r]);
                ids[r] = table.Find(key);
            }

            return;
        }

        if (_columns is [Int32Vector ints] && !ints.HasNulls)
        {
            var values = ints.Values;
            for (var r = 0; r < values.Length; r++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(key[1..], values[r]);
                ids[r] = table.Find(key);
            }

            return;
        }

        var buffer = new byte[64];
        for (var r = 0; r < ids.Length; r++)
        {
            ids[r] = table.Find(Encode(r, ref buffer));
        }
    }

    /// <summary>Encodes row <paramref name="row"/> into <paramref name="buffer"/> (replaced by a larger one when needed) and returns the encoded bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Encode(int row, ref byte[] buffer)
    {
        var length = 0;
        foreach (var column in _columns)
        {
            var need = length + 1 + (column is BinaryVector b && !b.IsNull(row) ? 4 + b.GetBytes(row).Length : 17);
            if (need > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(need, buffer.Length * 2));
            }

            length = EncodeColumn(column, row, buffer, length);
        }

        return buffer.AsSpan(0, length);
    }

    private static int EncodeColumn(ColumnVector? column, int row, byte[] buffer, int at)
    {
        if (column is null || column.IsNull(row))
        {
            buffer[at] = 0;
            return at + 1;
        }

        var span = buffer.AsSpan(at + 1);
        switch (column)
        {
            case Int64Vector v:
                buffer[at] = 1;
                BinaryPrimitives.WriteInt64LittleEndian(span, v.Values[row]);
                return at + 9;
            case Int32Vector v:
                buffer[at] = 1;
                BinaryPrimitives.WriteInt64LittleEndian(span, v.Values[row]);
                return at + 9;
            case BinaryVector v:
                var bytes = v.GetBytes(row);
                buffer[at] = 2;
                BinaryPrimitives.WriteInt32LittleEndian(span, bytes.Length);
                bytes.CopyTo(span[4..]);
                return at + 5 + bytes.Length;
            case DoubleVector v:
                return EncodeDouble(v.Values[row], buffer, at);
            case FloatVector v:
                return EncodeDouble(v.Values[row], buffer, at);
            case DecimalVector v:
                buffer[at] = 4;
                var unscaled = v.Values[row];
                BinaryPrimitives.WriteInt64LittleEndian(span, (long)(ulong)unscaled);
                BinaryPrimitives.WriteInt64LittleEndian(span[8..], (long)(unscaled >> 64));
                return at + 17;
            default:
                buffer[at] = 5;
                buffer[at + 1] = ((BooleanVector)column).Values[row] ? (byte)1 : (byte)0;
                return at + 2;
        }
    }

    private static int EncodeDouble(double value, byte[] buffer, int at)
    {
        var normalized = value == 0 ? 0d : double.IsNaN(value) ? double.NaN : value;
        buffer[at] = 3;
        BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(at + 1), BitConverter.DoubleToInt64Bits(normalized));
        return at + 9;
    }
}
