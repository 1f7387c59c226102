using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Schema;

/// <summary>A leaf column: its Parquet path and levels, physical storage, and the logical type values convert to.</summary>
internal sealed class ColumnDescriptor
{
    public required IReadOnlyList<string> Path { get; init; }

    public required int MaxDef { get; init; }

    public required int MaxRep { get; init; }

    public required PhysicalType Physical { get; init; }

    /// <summary>Byte width of FIXED_LEN_BYTE_ARRAY values.</summary>
    public int TypeLength { get; init; }

    /// <summary>The logical type values are read into or written from.</summary>
    public required DataType Type { get; init; }

    /// <summary>How physical values convert into <see cref="Type"/> when reading.</summary>
    public ValueConversion Conversion { get; init; }

    /// <summary>True when the leaf sits under a list or map (statistics are not exposed for such leaves).</summary>
    public bool IsRepeated => MaxRep > 0;

    public string DottedPath => string.Join('.', Path);
}
