using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// A column type fixed by the definition (<c>schemaHints</c>); it overrides inference for that column. A dotted
/// <see cref="Column"/> (<c>address.zip</c>) names a field inside a struct; backticks quote a name that contains a dot
/// (<c>`a.b`.c</c>).
/// </summary>
/// <param name="Column">The hint's key as written (for messages).</param>
/// <param name="Type">The type the column or field gets.</param>
/// <param name="Position">Where the hint is in the YAML file.</param>
public sealed record SchemaHint(string Column, DataType Type, SourcePosition Position)
{
    /// <summary>The names from the top-level column down to the hinted field (one name for a top-level column).</summary>
    public IReadOnlyList<string> Path { get; init; } = [Column];

    /// <summary>True when the hint names a field inside a struct.</summary>
    public bool IsNested => Path.Count > 1;
}
