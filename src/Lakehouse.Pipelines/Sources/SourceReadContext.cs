using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// What a reader needs besides the file: the bronze table's current schema (null when the table does not exist yet),
/// the ingestion time written to the metadata columns, and tuning options.
/// </summary>
public sealed record SourceReadContext(StructType? TableSchema, DateTimeOffset IngestedAt, SourceReaderOptions? Options = null)
{
    public SourceReaderOptions EffectiveOptions => Options ?? SourceReaderOptions.Default;
}
