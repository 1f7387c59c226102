using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Ingestion;

namespace Lakehouse.Pipelines.Tests.Ingestion;

public sealed class BatchReadAheadTests
{
    private static RecordBatch Batch(long id)
    {
        var b = RecordBatch.CreateEmpty(new StructType(new StructField("id", DataType.Long)), 1);
        b.Columns[0].AppendValue(id);
        return b;
    }

    private sealed class Source(int count, Exception? failAfter = null)
    {
        public int Produced { get; private set; }

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<RecordBatch> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    Produced++;
                    yield return Batch(i);
                }

                if (failAfter is not null)
                {
                    throw failAfter;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }

    [Fact]
    public async Task ReadAhead_YieldsEveryBatchInOrder()
    {
        var source = new Source(50);
        var ids = new List<long>();

        await foreach (var b in BatchReadAhead.ReadAsync(source.ReadAsync(), 2, CancellationToken.None))
        {
            ids.Add((long)b.Columns[0].GetValue(0)!);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), ids);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task ReadAhead_SourceFailure_SurfacesAfterTheBatchesReadBeforeIt()
    {
        var source = new Source(3, new InvalidDataException("corrupt at byte 99"));
        var ids = new List<long>();

        var e = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var b in BatchReadAhead.ReadAsync(source.ReadAsync(), 2, CancellationToken.None))
            {
                ids.Add((long)b.Columns[0].GetValue(0)!);
            }
        });

        Assert.Equal("corrupt at byte 99", e.Message);
        Assert.Equal([0L, 1L, 2L], ids);
    }

    [Fact]
    public async Task ReadAhead_ConsumerStoppingEarly_StopsAndDisposesTheSource()
    {
        var source = new Source(10_000);

        await foreach (var b in BatchReadAhead.ReadAsync(source.ReadAsync(), 2, CancellationToken.None))
        {
            if ((long)b.Columns[0].GetValue(0)! == 5)
            {
                break;
            }
        }

        Assert.True(source.Disposed);
        Assert.True(source.Produced < 20, $"the producer ran ahead by {source.Produced} batches; at most capacity + a few are allowed");
    }
}
