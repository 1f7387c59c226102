using System.Diagnostics.CodeAnalysis;

namespace Lakehouse.Parquet.Data;

/// <summary>
/// An ordered list of fields; also the schema of a <see cref="RecordBatch"/>. Field names are unique
/// ignoring case (the Delta rule); equality compares the fields in order.
/// </summary>
public sealed record StructType : DataType
{
    private readonly Dictionary<string, int> _index;

    public StructType(IEnumerable<StructField> fields)
        : base(TypeKind.Struct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields.ToArray();
        _index = new Dictionary<string, int>(Fields.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Fields.Count; i++)
        {
            if (!_index.TryAdd(Fields[i].Name, i))
            {
                throw new ArgumentException(
                    $"Duplicate field name '{Fields[i].Name}' (names are unique ignoring case). Rename one of the columns.",
                    nameof(fields));
            }
        }
    }

    public StructType(params StructField[] fields)
        : this((IEnumerable<StructField>)fields)
    {
    }

    public IReadOnlyList<StructField> Fields { get; }

    public override string SimpleName => "struct";

    /// <summary>Index of the field with this name (case-insensitive), or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    public bool TryGetField(string name, [NotNullWhen(true)] out StructField? field)
    {
        var i = IndexOf(name);
        field = i < 0 ? null : Fields[i];
        return field is not null;
    }

    public StructField this[string name] =>
        TryGetField(name, out var f) ? f : throw new KeyNotFoundException($"No field named '{name}' in {this}.");

    public bool Equals(StructType? other) =>
        other is not null && (ReferenceEquals(this, other) || Fields.SequenceEqual(other.Fields));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var f in Fields)
        {
            hash.Add(f);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"struct<{string.Join(", ", Fields)}>";
}
