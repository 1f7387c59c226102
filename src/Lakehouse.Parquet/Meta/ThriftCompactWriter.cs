using System.Buffers;
using System.Text;

namespace Lakehouse.Parquet.Meta;

/// <summary>Writes the Thrift compact protocol into a growable buffer.</summary>
internal sealed class ThriftCompactWriter
{
    private readonly IBufferWriter<byte> _out;
    private readonly Stack<short> _lastFieldIds = new();
    private short _lastFieldId;

    public ThriftCompactWriter(IBufferWriter<byte> output)
    {
        _out = output;
    }

    public void BeginStruct()
    {
        _lastFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct()
    {
        WriteByte(0);
        _lastFieldId = _lastFieldIds.Pop();
    }

    public void FieldHeader(short id, ThriftType type)
    {
        var delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteVarUInt64(ZigZag(id));
        }

        _lastFieldId = id;
    }

    public void Bool(short id, bool value) => FieldHeader(id, value ? ThriftType.BoolTrue : ThriftType.BoolFalse);

    public void I32(short id, int value)
    {
        FieldHeader(id, ThriftType.I32);
        WriteVarUInt64(ZigZag(value));
    }

    public void I64(short id, long value)
    {
        FieldHeader(id, ThriftType.I64);
        WriteVarUInt64(ZigZag(value));
    }

    public void Byte(short id, sbyte value)
    {
        FieldHeader(id, ThriftType.Byte);
        WriteByte((byte)value);
    }

    public void Binary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, ThriftType.Binary);
        RawBinary(value);
    }

    public void String(short id, string value) => Binary(id, Encoding.UTF8.GetBytes(value));

    public void StructField(short id)
    {
        FieldHeader(id, ThriftType.Struct);
    }

    public void ListHeader(short id, ThriftType elementType, int count)
    {
        FieldHeader(id, ThriftType.List);
        ListHeader(elementType, count);
    }

    public void ListHeader(ThriftType elementType, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (int)elementType));
            WriteVarUInt64((ulong)count);
        }
    }

    public void RawI32(int value) => WriteVarUInt64(ZigZag(value));

    public void RawString(string value) => RawBinary(Encoding.UTF8.GetBytes(value));

    public void RawBinary(ReadOnlySpan<byte> value)
    {
        WriteVarUInt64((ulong)value.Length);
        value.CopyTo(_out.GetSpan(value.Length));
        _out.Advance(value.Length);
    }

    private void WriteByte(byte b)
    {
        _out.GetSpan(1)[0] = b;
        _out.Advance(1);
    }

    private void WriteVarUInt64(ulong value)
    {
        var span = _out.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _out.Advance(i);
    }

    private static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
}
