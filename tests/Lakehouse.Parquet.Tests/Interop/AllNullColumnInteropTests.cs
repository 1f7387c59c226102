using Lakehouse.Parquet.Data;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Parquet.Tests.Interop;

public sealed class AllNullColumnInteropTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AllNullColumnsWithDictionaryEnabled_AreReadByDuckDbAndHyparquet(bool pageV2)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("nulls.parquet");
        var schema = new StructType(
            new StructField("id", DataType.Long),
            new StructField("name", DataType.String),
            new StructField("amount", DataType.Double),
            new StructField("tags", new MapType(DataType.String, DataType.String)),
            new StructField("nested", new StructType(new StructField("x", DataType.Long))));
        var batch = RecordBatch.CreateEmpty(schema, 4);
        for (var i = 0; i < 3; i++)
        {
            ((Int64Vector)batch.Columns[0]).Append(i);
            batch.Columns[1].AppendNull();
            batch.Columns[2].AppendNull();
            batch.Columns[3].AppendNull();
            batch.Columns[4].AppendNull();
        }

        await using (var file = File.Create(path))
        using (var writer = new ParquetFileWriter(file, schema, new ParquetWriterOptions { EnableDictionary = true, UseDataPageV2 = pageV2 }))
        {
            writer.Write(batch);
            writer.Close();
        }

        var duck = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT count(*) AS n, count(name) AS names, count(amount) AS amounts, count(tags) AS tags, count(nested) AS nested FROM read_parquet({InteropHarness.SqlString(path)})");
        var hyp = await InteropHarness.Shared.ReadWithHyparquetAsync(path);

        Assert.Equal(["3", "0", "0", "0", "0"], duck.Rows[0]!.AsArray().Select(v => v!.ToString()));
        Assert.Equal(3, hyp.NumRows);
        Assert.All(hyp.Rows, r => Assert.Null(r!["name"]));
    }
}
