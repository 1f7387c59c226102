using System.Collections.Concurrent;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Functions.Metering;

/// <summary>
/// What a handler learned about its invocation that the usage record needs (pipeline, stage, owner, tags). The handler
/// sets it under the request id; <see cref="UsageRecordingObserver"/> takes it when the invocation completes.
/// </summary>
public sealed class InvocationAttribution
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Attributes request <paramref name="requestId"/> to a pipeline stage (last call wins).</summary>
    public void Set(string requestId, string pipeline, string stage, string ownerId = "", string ownerName = "", IReadOnlyDictionary<string, string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        _entries[requestId] = new Entry(pipeline ?? string.Empty, stage ?? string.Empty, ownerId ?? string.Empty, ownerName ?? string.Empty, tags ?? new Dictionary<string, string>());
    }

    internal Entry? Take(string requestId) => _entries.TryRemove(requestId, out var entry) ? entry : null;

    internal sealed record Entry(string Pipeline, string Stage, string OwnerId, string OwnerName, IReadOnlyDictionary<string, string> Tags)
    {
        public UsageRecord ApplyTo(UsageRecord record) => record with
        {
            Pipeline = Pipeline,
            Stage = Stage,
            OwnerId = OwnerId,
            OwnerName = OwnerName,
            Tags = Tags,
        };
    }
}
