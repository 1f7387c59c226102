using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lakehouse.Delta.Actions;

/// <summary>
/// The <c>commitInfo</c> action: provenance of a commit (not table state). Engines write arbitrary fields; the ones this
/// library reads and writes are typed, the rest stay in <see cref="Raw"/> when read.
/// </summary>
public sealed record CommitInfo : DeltaAction
{
    /// <summary>Commit time in milliseconds since the epoch.</summary>
    public long? Timestamp { get; init; }

    public string? Operation { get; init; }

    /// <summary>Operation parameters; Spark writes every value as a string (JSON-encoded where structured).</summary>
    public IReadOnlyDictionary<string, string>? OperationParameters { get; init; }

    public long? ReadVersion { get; init; }

    public bool? IsBlindAppend { get; init; }

    public string? EngineInfo { get; init; }

    public string? IsolationLevel { get; init; }

    public IReadOnlyDictionary<string, string>? OperationMetrics { get; init; }

    /// <summary>The whole commitInfo object as read (null for commit infos built in memory).</summary>
    [JsonIgnore]
    public JsonElement? Raw { get; init; }
}
