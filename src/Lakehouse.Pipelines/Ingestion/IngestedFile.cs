namespace Lakehouse.Pipelines.Ingestion;

/// <summary>A file committed to a bronze table by this call.</summary>
public sealed record IngestedFile(string Key, string Source, string Table, long Version, long Rows, long RowsRescued, int DataFiles);
