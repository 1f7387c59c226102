using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Ingestion;

/// <summary>
/// Overlaps reading with writing: a producer task pulls batches from the source (reading, decompressing and cutting
/// records, with parsing fanned out by the reader) into a bounded channel while the consumer encodes and uploads the
/// previous ones. At most <c>capacity</c> parsed batches wait, so memory stays bounded by the batch size.
/// </summary>
internal static class BatchReadAhead
{
    public static async IAsyncEnumerable<RecordBatch> ReadAsync(
        IAsyncEnumerable<RecordBatch> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in source.WithCancellation(stop.Token).ConfigureAwait(false))
                    {
                        await channel.Writer.WriteAsync(batch, stop.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception e)
                {
                    // Handed to the consumer below (after the batches read before it), which rethrows it as is.
                    failure = e;
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    yield return batch;
                }
            }

            await producer.ConfigureAwait(false);
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            // The consumer stopped early (its own failure or cancellation): stop the producer and wait for it, so the
            // source is no longer read when the caller disposes it.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }
}
