using System.Buffers.Binary;
using System.Text;

namespace Lakehouse.Parquet.Meta;

/// <summary>
/// Reads the Thrift compact protocol (the encoding of Parquet's footer and page headers) from a byte span.
/// Every length is checked against the bytes that remain, so a forged size fails fast instead of allocating.
/// </summary>
internal sealed class ThriftCompactReader
{
    private const int MaxDepth = 64;
    private readonly byte[] _buffer;
    private readonly int _end;
    private readonly Stack<short> _lastFieldIds = new();
    private short _lastFieldId;
    private bool? _pendingBool;

    public ThriftCompactReader(byte[] buffer, int offset, int length)
    {
        _buffer = buffer;
        Position = offset;
        _end = offset + length;
    }

    public int Position { get; private set; }

    public void BeginStruct()
    {
        if (_lastFieldIds.Count >= MaxDepth)
        {
            throw new ThriftException("Thrift structures are nested too deeply.");
        }

        _lastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct() => _lastFieldId = _lastFieldIds.Pop();

    /// <summary>Reads the next field header; false at the struct's stop byte.</summary>
    public bool NextField(out short id, out ThriftType type)
    {
        var header = ReadByte();
        if (header == 0)
        {
            id = 0;
            type = ThriftType.Stop;
            return false;
        }

        type = (ThriftType)(header & 0x0F);
        var delta = header >> 4;
        id = delta == 0 ? ReadI16() : (short)(_lastFieldId + delta);
        _lastFieldId = id;
        if (type is ThriftType.BoolTrue or ThriftType.BoolFalse)
        {
            _pendingBool = type == ThriftType.BoolTrue;
        }

        return true;
    }

    public bool ReadBool()
    {
        if (_pendingBool is { } b)
        {
            _pendingBool = null;
            return b;
        }

        return ReadByte() == 1;
    }

    public byte ReadByte()
    {
        if (Position >= _end)
        {
            throw new ThriftException("Unexpected end of Thrift data.");
        }

        return _buffer[Position++];
    }

    public short ReadI16() => (short)ReadI32();

    public int ReadI32()
    {
        var v = ReadVarUInt64();
        var u = (uint)v;
        return (int)(u >> 1) ^ -(int)(u & 1);
    }

    public long ReadI64()
    {
        var u = ReadVarUInt64();
        return (long)(u >> 1) ^ -(long)(u & 1);
    }

    public double ReadDouble()
    {
        var span = Take(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(span);
    }

    public byte[] ReadBinary() => ReadBinarySpan().ToArray();

    public string ReadString() => Encoding.UTF8.GetString(ReadBinarySpan());

    public ReadOnlySpan<byte> ReadBinarySpan()
    {
        var length = ReadVarUInt64();
        if (length > (ulong)(_end - Position))
        {
            throw new ThriftException($"Thrift binary length {length} exceeds the {_end - Position} bytes that remain.");
        }

        return Take((int)length);
    }

    /// <summary>Reads a list header; the count is validated against the remaining bytes (each element takes at least one byte).</summary>
    public int ReadListHeader(out ThriftType elementType)
    {
        var header = ReadByte();
        elementType = (ThriftType)(header & 0x0F);
        long size = header >> 4;
        if (size == 15)
        {
            var big = ReadVarUInt64();
            if (big > int.MaxValue)
            {
                throw new ThriftException($"Thrift list size {big} is absurd.");
            }

            size = (long)big;
        }

        if (size > _end - Position && elementType is not (ThriftType.BoolTrue or ThriftType.BoolFalse))
        {
            throw new ThriftException($"Thrift list of {size} elements exceeds the {_end - Position} bytes that remain.");
        }

        return (int)size;
    }

    /// <summary>Skips a value of the given type, including nested structs and collections.</summary>
    public void Skip(ThriftType type, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new ThriftException("Thrift structures are nested too deeply.");
        }

        switch (type)
        {
            case ThriftType.BoolTrue:
            case ThriftType.BoolFalse:
                _pendingBool = null;
                break;
            case ThriftType.Byte:
                ReadByte();
                break;
            case ThriftType.I16:
            case ThriftType.I32:
            case ThriftType.I64:
                ReadVarUInt64();
                break;
            case ThriftType.Double:
                Take(8);
                break;
            case ThriftType.Binary:
                ReadBinarySpan();
                break;
            case ThriftType.List:
            case ThriftType.Set:
                var n = ReadListHeader(out var et);
                for (var i = 0; i < n; i++)
                {
                    if (et is ThriftType.BoolTrue or ThriftType.BoolFalse)
                    {
                        ReadByte();
                    }
                    else
                    {
                        Skip(et, depth + 1);
                    }
                }

                break;
            case ThriftType.Map:
                var count = ReadVarUInt64();
                if (count > (ulong)(_end - Position))
                {
                    throw new ThriftException($"Thrift map of {count} entries exceeds the remaining bytes.");
                }

                if (count > 0)
                {
                    var kv = ReadByte();
                    for (ulong i = 0; i < count; i++)
                    {
                        SkipElement((ThriftType)(kv >> 4), depth);
                        SkipElement((ThriftType)(kv & 0x0F), depth);
                    }
                }

                break;
            case ThriftType.Struct:
                BeginStruct();
                while (NextField(out _, out var ft))
                {
                    Skip(ft, depth + 1);
                }

                EndStruct();
                break;
            default:
                throw new ThriftException($"Unknown Thrift type {(int)type}.");
        }
    }

    private void SkipElement(ThriftType type, int depth)
    {
        if (type is ThriftType.BoolTrue or ThriftType.BoolFalse)
        {
            ReadByte();
        }
        else
        {
            Skip(type, depth + 1);
        }
    }

    private ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ThriftException("Thrift varint is longer than 10 bytes.");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _end - Position)
        {
            throw new ThriftException("Unexpected end of Thrift data.");
        }

        var span = _buffer.AsSpan(Position, count);
        Position += count;
        return span;
    }
}
