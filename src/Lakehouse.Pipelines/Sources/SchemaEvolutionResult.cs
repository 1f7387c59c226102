using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// Outcome of <see cref="SchemaEvolution.Apply"/>: the data schema to write with (or a failure), the columns the
/// file has that the table lacked (dotted paths for nested fields), and whether the table schema changes.
/// </summary>
public sealed record SchemaEvolutionResult(StructType? Schema, IReadOnlyList<string> NewColumns, bool SchemaChanged, string? FailureMessage)
{
    public bool Succeeded => Schema is not null;

    /// <summary>New columns whose values go to the rescued data column (rescue and none modes).</summary>
    public IReadOnlyList<string> RescuedColumns => Succeeded && !SchemaChanged ? NewColumns : [];
}
