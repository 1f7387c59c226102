namespace Lakehouse.Delta.Log;

/// <summary>A recognised file of <c>_delta_log/</c>: its key, version and kind (part/parts for multi-part checkpoints).</summary>
public sealed record LogFile(string Key, long Version, LogFileKind Kind, int Part, int Parts, long Size, DateTimeOffset LastModified);
