namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// A landing source: files under <see cref="Path"/> (a prefix of the landing bucket) are parsed and appended to the
/// bronze table <see cref="Table"/>.
/// </summary>
/// <param name="Name">Source name (unique in the pipeline).</param>
/// <param name="Path">Landing prefix the files arrive under.</param>
/// <param name="Format">csv, json or parquet.</param>
/// <param name="Csv">CSV dialect (defaults for other formats).</param>
/// <param name="SchemaHints">Column types that override inference.</param>
/// <param name="SchemaEvolution">What to do with columns the table lacks.</param>
/// <param name="Table">Target bronze table.</param>
/// <param name="PartitionBy">Partition columns of the bronze table (may include <c>_ingest_date</c>).</param>
/// <param name="MetadataColumns">Names of the per-row metadata columns.</param>
/// <param name="RescuedDataColumn">Column that receives values that did not fit (JSON text).</param>
/// <param name="Position">Where the source is defined.</param>
/// <param name="InferColumnTypes">Infer long/double/decimal/boolean/date/timestamp (Auto Loader's <c>cloudFiles.inferColumnTypes</c>); false reads CSV columns as strings.</param>
/// <param name="InferDecimals">Infer exact decimals for fixed-point numbers instead of double (our default; Auto Loader infers double).</param>
/// <param name="MaxFileSizeMb">Files larger than this are quarantined unread; null means no limit.</param>
public sealed record SourceDefinition(
    string Name,
    string Path,
    SourceFormat Format,
    CsvOptions Csv,
    IReadOnlyList<SchemaHint> SchemaHints,
    SchemaEvolutionMode SchemaEvolution,
    string Table,
    IReadOnlyList<string> PartitionBy,
    MetadataColumns MetadataColumns,
    long? MaxFileSizeMb,
    string RescuedDataColumn,
    bool InferColumnTypes,
    bool InferDecimals,
    SourcePosition Position)
{
    public const string DefaultRescuedDataColumn = "_rescued_data";

    /// <summary>A source with every option at its default (tests and tools).</summary>
    public static SourceDefinition Create(string name, SourceFormat format, string? table = null) => new(
        name, name, format, CsvOptions.Default, [], SchemaEvolutionMode.AddNewColumns, table ?? name, [],
        MetadataColumns.Default, null, DefaultRescuedDataColumn, true, true, new SourcePosition("<code>", 0, 0));

    /// <summary>True when the bronze table is partitioned by the derived <c>_ingest_date</c> column.</summary>
    public bool HasIngestDate => PartitionBy.Any(p => string.Equals(p, MetadataColumns.IngestDate, StringComparison.OrdinalIgnoreCase));
}
