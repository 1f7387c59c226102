namespace Lakehouse.Parquet.Data;

/// <summary>
/// One column of values in memory, Arrow-like: typed buffers plus an optional null mask. Vectors are
/// append-only builders and readable views at once; they are not thread-safe.
/// </summary>
/// <remarks>
/// Representation by type: boolean → <see cref="BooleanVector"/>; byte/short/integer/date → <see cref="Int32Vector"/>
/// (date = days since epoch); long/timestamp → <see cref="Int64Vector"/> (timestamp = µs since epoch UTC);
/// float/double → <see cref="FloatVector"/>/<see cref="DoubleVector"/>; decimal → <see cref="DecimalVector"/>;
/// string/binary → <see cref="BinaryVector"/> (UTF-8 bytes and offsets); struct/array/map → <see cref="StructVector"/>,
/// <see cref="ListVector"/>, <see cref="MapVector"/>. <see cref="Create"/> picks the right one.
/// </remarks>
public abstract class ColumnVector
{
    private bool[]? _nulls;
    private int _nullCount;

    protected ColumnVector(DataType type)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    public DataType Type { get; }

    /// <summary>Number of entries (rows, or elements when nested under a list).</summary>
    public int Count { get; protected set; }

    public int NullCount => _nullCount;

    public bool HasNulls => _nullCount > 0;

    public bool IsNull(int index) => _nulls is not null && (uint)index < (uint)_nulls.Length && _nulls[index];

    /// <summary>
    /// The null flags of entries [0, <see cref="Count"/>) for vectorized readers, or empty when no entry is null.
    /// A snapshot: valid until the next append or <see cref="Clear"/>.
    /// </summary>
    public ReadOnlyMemory<bool> NullMask
    {
        get
        {
            if (_nullCount == 0 || _nulls is null)
            {
                return ReadOnlyMemory<bool>.Empty;
            }

            if (_nulls.Length < Count)
            {
                // Non-null entries appended after the mask was last sized are absent from it: grow so they read as false.
                Array.Resize(ref _nulls, Math.Max(Count, Capacity));
            }

            return _nulls.AsMemory(0, Count);
        }
    }

    /// <summary>The value at <paramref name="index"/> boxed in its canonical CLR form, or null. For tests, tools and slow paths only.</summary>
    /// <remarks>bool, sbyte, short, int, long, float, double, string, byte[], <see cref="DateOnly"/>,
    /// <see cref="DateTime"/> (UTC), <see cref="DecimalValue"/>, object?[] (struct fields), List&lt;object?&gt;,
    /// List&lt;KeyValuePair&lt;object, object?&gt;&gt;.</remarks>
    public object? GetValue(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Vector has {Count} entries.");
        }

        return IsNull(index) ? null : GetValueCore(index);
    }

    protected abstract object GetValueCore(int index);

    /// <summary>Appends a null entry (a default value in the typed buffers, flagged null).</summary>
    public abstract void AppendNull();

    /// <summary>Appends a value given in the canonical boxed form of <see cref="GetValue"/> (or a compatible CLR value). Slow path.</summary>
    public abstract void AppendValue(object? value);

    /// <summary>Records whether the entry just appended at <paramref name="index"/> is null.</summary>
    protected void SetNull(int index, bool isNull)
    {
        if (isNull)
        {
            if (_nulls is null)
            {
                _nulls = new bool[Math.Max(16, Capacity)];
            }
            else if (index >= _nulls.Length)
            {
                Array.Resize(ref _nulls, Math.Max(index + 1, Math.Max(16, Capacity)));
            }

            if (!_nulls[index])
            {
                _nulls[index] = true;
                _nullCount++;
            }
        }
        else if (_nulls is not null && index < _nulls.Length && _nulls[index])
        {
            _nulls[index] = false;
            _nullCount--;
        }
    }

    /// <summary>Current capacity of the typed buffers (used to size the null mask).</summary>
    protected abstract int Capacity { get; }

    /// <summary>Removes all entries, keeping buffers for reuse.</summary>
    public virtual void Clear()
    {
        if (_nulls is not null)
        {
            Array.Clear(_nulls, 0, Math.Min(_nulls.Length, Count));
        }

        _nullCount = 0;
        Count = 0;
    }

    /// <summary>Creates an empty vector of the right class for <paramref name="type"/>.</summary>
    public static ColumnVector Create(DataType type, int capacity = 16)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            TypeKind.Boolean => new BooleanVector(capacity),
            TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Date => new Int32Vector(type, capacity),
            TypeKind.Long or TypeKind.Timestamp => new Int64Vector(type, capacity),
            TypeKind.Float => new FloatVector(capacity),
            TypeKind.Double => new DoubleVector(capacity),
            TypeKind.Decimal => new DecimalVector((DecimalType)type, capacity),
            TypeKind.String or TypeKind.Binary => new BinaryVector(type, capacity),
            TypeKind.Struct => new StructVector((StructType)type, capacity),
            TypeKind.Array => new ListVector((ArrayType)type, capacity),
            TypeKind.Map => new MapVector((MapType)type, capacity),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown type."),
        };
    }
}
