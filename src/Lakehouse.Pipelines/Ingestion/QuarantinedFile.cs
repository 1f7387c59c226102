namespace Lakehouse.Pipelines.Ingestion;

/// <summary>A file that could not be ingested; the object stays in the landing area and a report was written to <paramref name="ReportKey"/>.</summary>
public sealed record QuarantinedFile(string Key, string? Source, string Reason, string ErrorType, long? Line, long? ByteOffset, string ReportKey);
