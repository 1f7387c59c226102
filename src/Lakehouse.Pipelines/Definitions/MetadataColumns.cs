namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// Names of the columns ingestion adds to every bronze row; null disables one. <c>_ingest_date</c> (the UTC date of
/// <see cref="IngestedAt"/>) is added only when a source partitions by it.
/// </summary>
public sealed record MetadataColumns(string? SourceFile = MetadataColumns.DefaultSourceFile, string? IngestedAt = MetadataColumns.DefaultIngestedAt)
{
    public const string DefaultSourceFile = "_source_file";
    public const string DefaultIngestedAt = "_ingested_at";
    public const string IngestDate = "_ingest_date";

    public static MetadataColumns Default { get; } = new();

    public static MetadataColumns Disabled { get; } = new(null, null);
}
