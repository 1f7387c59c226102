namespace Lakehouse.Pipelines.Definitions;

/// <summary>File format of a landing source. Gzip compression is detected per file (<c>.gz</c> or magic bytes).</summary>
public enum SourceFormat
{
    Csv,
    Json,
    Parquet,
}
