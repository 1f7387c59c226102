namespace Lakehouse.Parquet.Data;

/// <summary>
/// A named field of a struct. <paramref name="MetadataJson"/> is the field's metadata as a raw JSON object
/// (Delta keeps column invariants, comments and generation expressions there); null means <c>{}</c>.
/// </summary>
public sealed record StructField(string Name, DataType Type, bool Nullable = true, string? MetadataJson = null)
{
    public override string ToString() => $"{Name}: {Type}{(Nullable ? string.Empty : " not null")}";
}
