using Lakehouse.Delta.Reading;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta;

public sealed partial class DeltaTable
{
    /// <summary>
    /// The rows of the table at <paramref name="version"/> (latest when null), one batch per row group of each live file,
    /// in the snapshot's schema (partition columns included) or only <paramref name="columns"/>.
    /// </summary>
    public async IAsyncEnumerable<RecordBatch> ReadAsync(
        long? version = null, IReadOnlyList<string>? columns = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(version, cancellationToken).ConfigureAwait(false);
        await foreach (var batch in TableReader.ReadAsync(Store, snapshot, columns, cancellationToken).ConfigureAwait(false))
        {
            yield return batch;
        }
    }

    /// <summary>The rows of a snapshot already obtained, without reloading the log.</summary>
    public IAsyncEnumerable<RecordBatch> ReadAsync(Snapshots.Snapshot snapshot, IReadOnlyList<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return TableReader.ReadAsync(Store, snapshot, columns, cancellationToken);
    }

    /// <summary>
    /// The live file an <c>add</c> action from this table's log stands for, resolved exactly as snapshots resolve their
    /// files (object key from the decoded path, absolute URIs checked to lie under the table; partition values typed
    /// by <paramref name="snapshot"/>'s schema): for readers of individual commits, such as incremental transforms.
    /// </summary>
    public Snapshots.LiveFile ToLiveFile(Snapshots.Snapshot snapshot, Actions.AddFile add)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(add);
        return Snapshots.SnapshotLoader.ToLiveFile(Store, TableRoot, TableUri, add, Snapshots.SnapshotLoader.PartitionTypes(snapshot.Metadata, TableUri));
    }
}
