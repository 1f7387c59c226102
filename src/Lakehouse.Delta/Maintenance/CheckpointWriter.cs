using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Delta.Maintenance;

/// <summary>Writes classic single-file checkpoints and <c>_last_checkpoint</c>.</summary>
internal static partial class CheckpointWriter
{
    public static Task WriteAsync(DeltaTable table, Snapshot snapshot, CancellationToken cancellationToken) =>
        throw new DeltaProtocolException($"Writing a checkpoint of {table.TableUri} at version {snapshot.Version} needs the Parquet writer, which is not available yet.");
}
