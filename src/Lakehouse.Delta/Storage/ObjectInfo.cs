namespace Lakehouse.Delta.Storage;

/// <summary>What a store knows about one object.</summary>
public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified, string? ETag = null);
