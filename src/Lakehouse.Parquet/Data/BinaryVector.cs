using System.Text;

namespace Lakehouse.Parquet.Data;

/// <summary>
/// string (UTF-8) and binary values, Arrow-style: one byte buffer and <c>Count + 1</c> offsets, so values
/// never become per-row objects on hot paths. Entry <c>i</c> is <c>Data[Offsets[i]..Offsets[i + 1]]</c>.
/// </summary>
public sealed class BinaryVector : ColumnVector
{
    private byte[] _data;
    private int[] _offsets;
    private int _dataLength;

    public BinaryVector(DataType type, int capacity = 16, int dataCapacity = 256)
        : base(type)
    {
        if (type.Kind is not (TypeKind.String or TypeKind.Binary))
        {
            throw new ArgumentException($"BinaryVector cannot hold {type}.", nameof(type));
        }

        _offsets = new int[Math.Max(capacity, 1) + 1];
        _data = new byte[Math.Max(dataCapacity, 16)];
    }

    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _dataLength);

    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, Count + 1);

    /// <summary>The value bytes as memory, for vectorized readers. A snapshot: valid until the next append.</summary>
    public ReadOnlyMemory<byte> DataMemory => _data.AsMemory(0, _dataLength);

    /// <summary>The <c>Count + 1</c> offsets as memory, for vectorized readers. A snapshot: valid until the next append.</summary>
    public ReadOnlyMemory<int> OffsetsMemory => _offsets.AsMemory(0, Count + 1);

    /// <summary>Total bytes of all values.</summary>
    public int DataLength => _dataLength;

    protected override int Capacity => _offsets.Length - 1;

    public ReadOnlySpan<byte> GetBytes(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return _data.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);
    }

    /// <summary>Decodes entry <paramref name="index"/> as UTF-8 (allocates).</summary>
    public string GetString(int index) => Encoding.UTF8.GetString(GetBytes(index));

    public void Append(ReadOnlySpan<byte> value)
    {
        EnsureEntry();
        EnsureData(value.Length);
        value.CopyTo(_data.AsSpan(_dataLength));
        _dataLength += value.Length;
        Count++;
        _offsets[Count] = _dataLength;
    }

    /// <summary>Appends <paramref name="value"/> encoded as UTF-8.</summary>
    public void Append(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        EnsureEntry();
        EnsureData(Encoding.UTF8.GetMaxByteCount(value.Length));
        _dataLength += Encoding.UTF8.GetBytes(value, _data.AsSpan(_dataLength));
        Count++;
        _offsets[Count] = _dataLength;
    }

    public override void AppendNull()
    {
        EnsureEntry();
        SetNull(Count, true);
        Count++;
        _offsets[Count] = _dataLength;
    }

    public override void AppendValue(object? value)
    {
        switch (value)
        {
            case null: AppendNull(); break;
            case byte[] bytes: Append(bytes); break;
            case string s: Append(s); break;
            default: Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!); break;
        }
    }

    protected override object GetValueCore(int index) =>
        Type.Kind == TypeKind.String ? GetString(index) : GetBytes(index).ToArray();

    public override void Clear()
    {
        base.Clear();
        _dataLength = 0;
        _offsets[0] = 0;
    }

    private void EnsureEntry()
    {
        if (Count + 2 > _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }
    }

    private void EnsureData(int extra)
    {
        if (_dataLength + extra > _data.Length)
        {
            var next = Math.Max(_dataLength + extra, _data.Length * 2);
            Array.Resize(ref _data, next);
        }
    }
}
