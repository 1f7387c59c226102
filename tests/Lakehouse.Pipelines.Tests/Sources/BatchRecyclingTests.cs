using System.Text;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class BatchRecyclingTests
{
    private static readonly string Csv = "id,name,amount,day\n" + string.Concat(Enumerable.Range(0, 1000).Select(i =>
        i % 7 == 0 ? $"{i},,bad{i},2024-01-0{(i % 9) + 1}\n" : $"{i},\"name, {i}\",{i}.25,2024-02-{(i % 28) + 1:D2}\n"));

    private static async Task<(List<object?[]> Rows, int Reused)> ReadAsync(bool recycle, int parallelism)
    {
        var source = SourceDefinition.Create("orders", SourceFormat.Csv) with { SchemaHints = [new SchemaHint("amount", DataType.Double, default)] };
        var options = new SourceReaderOptions(BatchSize: 64, Parallelism: parallelism, BufferBytes: 4096);
        await using var reader = await SourceReaderFactory.OpenAsync(
            source, new MemoryStream(Encoding.UTF8.GetBytes(Csv)), "s3://landing/orders/a.csv", new SourceReadContext(null, SourceHarness.IngestedAt, options), CancellationToken.None);
        var rows = new List<object?[]>();
        var seen = new HashSet<ColumnVector>(ReferenceEqualityComparer.Instance);
        var reused = 0;
        await foreach (var batch in reader.ReadBatchesAsync(CancellationToken.None))
        {
            reused += seen.Add(batch.Columns[0]) ? 0 : 1;
            for (var r = 0; r < batch.RowCount; r++)
            {
                rows.Add(batch.GetRow(r));
            }

            if (recycle)
            {
                reader.Recycle(batch);
            }
        }

        return (rows, reused);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RecycledBatches_AreRefilled_WithExactlyTheSameRowsAsFreshOnes(int parallelism)
    {
        var fresh = await ReadAsync(recycle: false, parallelism);
        var recycled = await ReadAsync(recycle: true, parallelism);

        Assert.Equal(1000, fresh.Rows.Count);
        Assert.Equal(0, fresh.Reused);
        Assert.True(recycled.Reused > 0, "recycled vectors should be refilled");
        Assert.Equal(fresh.Rows.Count, recycled.Rows.Count);
        for (var i = 0; i < fresh.Rows.Count; i++)
        {
            Assert.Equal(fresh.Rows[i], recycled.Rows[i]);
        }

        Assert.Contains(recycled.Rows, r => r[4] is string rescued && rescued.Contains("bad7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recycle_OfABatchFromAnotherSchema_IsIgnored()
    {
        var source = SourceDefinition.Create("orders", SourceFormat.Csv);
        await using var reader = await SourceReaderFactory.OpenAsync(
            source, new MemoryStream("a\n1\n"u8.ToArray()), "s3://x/a.csv", new SourceReadContext(null, SourceHarness.IngestedAt), CancellationToken.None);
        var foreign = RecordBatch.CreateEmpty(new StructType(new StructField("z", DataType.Long)), 1);
        foreign.Columns[0].AppendValue(5L);

        reader.Recycle(foreign);
        var batches = new List<RecordBatch>();
        await foreach (var b in reader.ReadBatchesAsync(CancellationToken.None))
        {
            batches.Add(b);
        }

        Assert.Equal(1L, Assert.Single(batches).GetRow(0)[0]);
        Assert.Equal(5L, foreign.Columns[0].GetValue(0));
    }
}
