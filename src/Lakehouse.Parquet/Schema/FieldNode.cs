using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Schema;

/// <summary>
/// A field of the logical schema with the Dremel levels its Parquet encoding implies. Writers shred vectors along
/// these nodes and readers assemble vectors back. Levels follow the parquet-format nested encoding rules:
/// <see cref="DefLevel"/> is the definition level at which this field is present (non-null); for lists and maps,
/// <see cref="EntryDefLevel"/> is the level at which the repeated group has an entry and <see cref="RepLevel"/> its
/// repetition level.
/// </summary>
internal sealed class FieldNode
{
    public required string Name { get; init; }

    public required DataType Type { get; init; }

    public required NodeKind Kind { get; init; }

    /// <summary>True when the Parquet field is OPTIONAL (a null consumes one level entry).</summary>
    public required bool Optional { get; init; }

    public int DefLevel { get; set; }

    public int EntryDefLevel { get; set; }

    public int RepLevel { get; set; }

    /// <summary>Struct fields; for lists [element]; for maps [key, value].</summary>
    public IReadOnlyList<FieldNode> Children { get; init; } = [];

    /// <summary>Index of the leaf column, for primitives.</summary>
    public int LeafIndex { get; set; } = -1;

    /// <summary>First leaf under this node (leaves are numbered depth-first).</summary>
    public int FirstLeaf { get; set; }

    /// <summary>One past the last leaf under this node.</summary>
    public int EndLeaf { get; set; }
}
