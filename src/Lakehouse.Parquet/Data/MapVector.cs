namespace Lakehouse.Parquet.Data;

/// <summary>
/// map values: <see cref="Keys"/> and <see cref="Values"/> hold all pairs back to back and entry <c>i</c> spans
/// <c>Offsets[i]..Offsets[i + 1]</c>. Append one key and one value per pair, then call <see cref="EndEntry"/>.
/// </summary>
public sealed class MapVector : ColumnVector
{
    private int[] _offsets;

    public MapVector(MapType type, int capacity = 16)
        : base(type)
    {
        MapType = type;
        Keys = Create(type.KeyType, capacity);
        Values = Create(type.ValueType, capacity);
        _offsets = new int[Math.Max(capacity, 1) + 1];
    }

    public MapType MapType { get; }

    public ColumnVector Keys { get; }

    public ColumnVector Values { get; }

    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, Count + 1);

    protected override int Capacity => _offsets.Length - 1;

    public void EndEntry()
    {
        if (Keys.Count != Values.Count)
        {
            throw new InvalidOperationException($"Map has {Keys.Count} keys but {Values.Count} values: append one value per key.");
        }

        EnsureEntry();
        Count++;
        _offsets[Count] = Keys.Count;
    }

    public override void AppendNull()
    {
        EnsureEntry();
        SetNull(Count, true);
        Count++;
        _offsets[Count] = Keys.Count;
    }

    public override void AppendValue(object? value)
    {
        switch (value)
        {
            case null:
                AppendNull();
                return;
            case System.Collections.IDictionary dict:
                foreach (System.Collections.DictionaryEntry e in dict)
                {
                    Keys.AppendValue(e.Key);
                    Values.AppendValue(e.Value);
                }

                EndEntry();
                return;
            case IEnumerable<KeyValuePair<object, object?>> pairs:
                foreach (var p in pairs)
                {
                    Keys.AppendValue(p.Key);
                    Values.AppendValue(p.Value);
                }

                EndEntry();
                return;
            default:
                throw new ArgumentException("A map value must be a dictionary or a list of key/value pairs.", nameof(value));
        }
    }

    protected override object GetValueCore(int index)
    {
        var list = new List<KeyValuePair<object, object?>>(_offsets[index + 1] - _offsets[index]);
        for (var i = _offsets[index]; i < _offsets[index + 1]; i++)
        {
            list.Add(new KeyValuePair<object, object?>(Keys.GetValue(i)!, Values.GetValue(i)));
        }

        return list;
    }

    public override void Clear()
    {
        base.Clear();
        Keys.Clear();
        Values.Clear();
        _offsets[0] = 0;
    }

    private void EnsureEntry()
    {
        if (Count + 2 > _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }
    }
}
