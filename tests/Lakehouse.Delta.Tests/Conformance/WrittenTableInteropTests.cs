using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Tests.Writing;
using Lakehouse.Delta.Writing;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Delta.Tests.Conformance;

/// <summary>Tables we write: readable by our reader at every version, and every data file and checkpoint by DuckDB.</summary>
public sealed class WrittenTableInteropTests : IDisposable
{
    private readonly TempDirectory _dir = new("lh-interop");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WrittenTable_EveryVersionReadable_AndDuckDbAgreesWithStats()
    {
        var store = new FileSystemObjectStore(_dir.Path);
        var table = await DeltaTable.CreateAsync(store, "orders", Batches.Orders, new CreateTableOptions { PartitionColumns = ["country"] });
        var expectedRows = new List<int> { 0 };
        for (var i = 0; i < 11; i++)
        {
            await table.AppendAsync(Batches.OrdersBatch(i * 5, 5, n => n % 3 == 0 ? "FR" : n % 3 == 1 ? "D E" : null));
            expectedRows.Add(expectedRows[^1] + 5);
        }

        await table.OverwriteAsync([Batches.OrdersBatch(1000, 2, _ => "FR")], PartitionPredicate.Equal("country", "FR"));
        var latest = await table.GetSnapshotAsync();
        var frRowsBefore = Enumerable.Range(0, 55).Count(n => n % 3 == 0);
        expectedRows.Add(55 - frRowsBefore + 2);

        for (var v = 0L; v <= latest.Version; v++)
        {
            Assert.Equal(expectedRows[(int)v], (await Batches.ReadAllAsync(table, v)).Count);
        }

        var duck = InteropHarness.Shared;
        foreach (var file in latest.Files)
        {
            var path = Path.Combine(_dir.Path, file.Key);
            var result = await duck.QueryDuckDbAsync($"SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM read_parquet({InteropHarness.SqlString(path)})");
            Assert.Equal(file.Stats!.NumRecords, long.Parse(result[0, "n"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(file.Stats.MinValues!.Value.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), result[0, "lo"]!.ToString());
            Assert.Equal(file.Stats.MaxValues!.Value.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), result[0, "hi"]!.ToString());
        }

        var checkpoint = Path.Combine(_dir.Path, "orders", "_delta_log", "00000000000000000010.checkpoint.parquet");
        var cp = await duck.QueryDuckDbAsync(
            $"SELECT count(add) AS adds, count(metaData) AS md, count(protocol) AS pr, max(protocol.minWriterVersion) AS w, " +
            $"count(*) FILTER (WHERE add.partitionValues['country'] = 'D E') AS de FROM read_parquet({InteropHarness.SqlString(checkpoint)})");
        var at10 = await table.GetSnapshotAsync(10);
        Assert.Equal(at10.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cp[0, "adds"]!.ToString());
        Assert.Equal("1", cp[0, "md"]!.ToString());
        Assert.Equal("2", cp[0, "w"]!.ToString());
        Assert.Equal(at10.Files.Count(f => Equals(f.PartitionValues["country"], "D E")).ToString(System.Globalization.CultureInfo.InvariantCulture), cp[0, "de"]!.ToString());
    }

    [Fact]
    public async Task DataFileWithAllNullColumns_IsReadByDuckDb()
    {
        var schema = new Lakehouse.Parquet.Data.StructType(
            new Lakehouse.Parquet.Data.StructField("id", Lakehouse.Parquet.Data.DataType.Long),
            new Lakehouse.Parquet.Data.StructField("note", Lakehouse.Parquet.Data.DataType.String),
            new Lakehouse.Parquet.Data.StructField("attrs", new Lakehouse.Parquet.Data.MapType(Lakehouse.Parquet.Data.DataType.String, Lakehouse.Parquet.Data.DataType.String)));
        var table = await DeltaTable.CreateAsync(new FileSystemObjectStore(_dir.Path), "sparse", schema);
        await table.AppendAsync(Batches.Of(schema, [1L, null, null], [2L, null, null]));
        var file = (await table.GetSnapshotAsync()).Files.Single();

        var rows = await InteropHarness.Shared.QueryDuckDbAsync($"SELECT * FROM read_parquet({InteropHarness.SqlString(Path.Combine(_dir.Path, file.Key))}) ORDER BY id");

        Assert.Equal(2, rows.Rows.Count);
        Assert.Null(rows[0, "note"]);
        Assert.Equal(2, file.Stats!.NullCount!.Value.GetProperty("note").GetInt64());
    }
}
