using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class RecordBatchSourceReaderTests
{
    private static async IAsyncEnumerable<RecordBatch> Batches(params RecordBatch[] batches)
    {
        foreach (var b in batches)
        {
            await Task.Yield();
            yield return b;
        }
    }

    private static RecordBatch Batch(StructType schema, params object?[][] rows)
    {
        var batch = RecordBatch.CreateEmpty(schema);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                batch.Columns[i].AppendValue(row[i]);
            }
        }

        return batch;
    }

    [Fact]
    public async Task OpenBatches_ConformsTypesRescuesAndAddsMetadata()
    {
        var fileSchema = new StructType(new StructField("id", DataType.Integer), new StructField("name", DataType.String), new StructField("extra", DataType.Double));
        var table = new StructType(new StructField("id", DataType.Long), new StructField("name", DataType.Date));
        var source = SourceDefinition.Create("p", SourceFormat.Parquet) with { SchemaEvolution = SchemaEvolutionMode.Rescue };
        var input = Batch(fileSchema, [1, "2024-01-02", 1.5], [2, "oops", null]);

        await using var reader = SourceReaderFactory.OpenBatches(source, fileSchema, Batches(input), "s3://x/f.parquet", new SourceReadContext(table, SourceHarness.IngestedAt));
        var rows = new List<object?[]>();
        await foreach (var batch in reader.ReadBatchesAsync(CancellationToken.None))
        {
            rows.AddRange(Enumerable.Range(0, batch.RowCount).Select(batch.GetRow));
        }

        Assert.Equal(["id", "name", "_rescued_data", "_source_file", "_ingested_at"], reader.OutputSchema.Fields.Select(f => f.Name));
        Assert.Equal(1L, rows[0][0]);
        Assert.Equal(new DateOnly(2024, 1, 2), rows[0][1]);
        Assert.Equal("{\"extra\":1.5,\"_file\":\"s3://x/f.parquet\",\"_row\":0}", rows[0][2]);
        Assert.Null(rows[1][1]);
        Assert.Equal("{\"name\":\"oops\",\"_file\":\"s3://x/f.parquet\",\"_row\":1}", rows[1][2]);
        Assert.Equal("s3://x/f.parquet", rows[1][3]);
        Assert.Equal(2, reader.Stats.RowsRescued);
    }

    [Fact]
    public async Task OpenBatches_SameTypes_PassColumnsThrough()
    {
        var schema = new StructType(new StructField("id", DataType.Long));
        var input = Batch(schema, [5L]);
        var source = SourceDefinition.Create("p", SourceFormat.Parquet) with { MetadataColumns = MetadataColumns.Disabled };

        await using var reader = SourceReaderFactory.OpenBatches(source, schema, Batches(input), "f", new SourceReadContext(null, SourceHarness.IngestedAt));
        await foreach (var batch in reader.ReadBatchesAsync(CancellationToken.None))
        {
            Assert.Same(input.Columns[0], batch.Columns[0]);
            Assert.Null(batch.GetRow(0)[1]);
        }
    }

    [Fact]
    public async Task OpenAsync_ParquetFile_ReadsRowGroupsIntoTheOutputSchema()
    {
        var schema = new StructType(new StructField("id", DataType.Long), new StructField("name", DataType.String));
        var file = new MemoryStream();
        using (var writer = new Lakehouse.Parquet.ParquetFileWriter(file, schema))
        {
            writer.Write(Batch(schema, [1L, "a"], [2L, null]));
            writer.Write(Batch(schema, [3L, "c"]));
            writer.Close();
        }

        var bytes = file.ToArray();
        var r = await SourceHarness.ReadAsync(SourceDefinition.Create("p", SourceFormat.Parquet) with { MetadataColumns = MetadataColumns.Disabled }, bytes, uri: "s3://x/f.parquet");

        Assert.Equal(["id", "name", "_rescued_data"], r.Schema.Fields.Select(f => f.Name));
        Assert.Equal([1L, 2L, 3L], r.Rows.Select(row => row[0]));
        Assert.Null(r.Value(1, "name"));
    }

    [Fact]
    public async Task OpenAsync_CorruptParquet_ThrowsSourceFormatException()
    {
        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(
            SourceDefinition.Create("p", SourceFormat.Parquet), "PAR1 not really parquet PAR1"u8.ToArray(), uri: "s3://x/f.parquet"));

        Assert.Contains("not a readable Parquet file", e.Message);
        Assert.Equal("s3://x/f.parquet", e.SourceUri);
    }
}
