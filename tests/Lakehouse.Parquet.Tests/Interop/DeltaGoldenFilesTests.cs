using Lakehouse.Parquet.Data;
using Lakehouse.Testing;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>Every Parquet file of the golden Delta tables (Spark, delta-rs, older Delta writers) reads without error.</summary>
public sealed class DeltaGoldenFilesTests
{
    public static TheoryData<string> DataFiles() => Files(checkpoints: false);

    public static TheoryData<string> CheckpointFiles() => Files(checkpoints: true);

    private static TheoryData<string> Files(bool checkpoints)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.DeltaGolden, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var inLog = path.Replace('\\', '/').Contains("/_delta_log/", StringComparison.Ordinal);
            if (inLog == checkpoints && (!inLog || Path.GetFileName(path).Contains(".checkpoint", StringComparison.Ordinal)))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.DeltaGolden, path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public async Task DataFile_ReadsAllRowsTheFooterAnnounces(string relativePath) => await ReadAllAsync(relativePath);

    [Theory]
    [MemberData(nameof(CheckpointFiles))]
    public async Task CheckpointFile_ReadsAllRowsTheFooterAnnounces(string relativePath)
    {
        var schema = await ReadAllAsync(relativePath);
        Assert.Contains(schema.Fields, f => f.Name is "add" or "metaData" or "protocol");
    }

    private static async Task<StructType> ReadAllAsync(string relativePath)
    {
        using var reader = ParquetFileReader.Open(Path.Combine(RepositoryPaths.DeltaGolden, relativePath));
        long rows = 0;
        await foreach (var batch in reader.ReadAllAsync())
        {
            Assert.Equal(reader.Schema, batch.Schema);
            for (var r = 0; r < batch.RowCount; r++)
            {
                batch.GetRow(r);
            }

            rows += batch.RowCount;
        }

        Assert.Equal(reader.RowCount, rows);
        return reader.Schema;
    }

    [Fact]
    public async Task DeltaRsCheckpoint_MatchesDuckDb()
    {
        var dir = Path.Combine(RepositoryPaths.DeltaGolden, "delta-io_delta-rs", "simple_table_with_checkpoint", "_delta_log");
        var path = Directory.EnumerateFiles(dir, "*.checkpoint.parquet").Order(StringComparer.Ordinal).First();
        var duck = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT add.path AS path, add.size::VARCHAR AS size, to_json(add.partitionValues)::VARCHAR AS pv, metaData.schemaString AS schema, protocol.minReaderVersion::VARCHAR AS rv " +
            $"FROM read_parquet({InteropHarness.SqlString(path)})");

        using var reader = ParquetFileReader.Open(path);
        var rows = new List<object?[]>();
        await foreach (var batch in reader.ReadAllAsync(["add", "metaData", "protocol"]))
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                rows.Add(batch.GetRow(r));
            }
        }

        var add = reader.Schema["add"].Type as StructType;
        Assert.NotNull(add);
        Assert.IsType<MapType>(add["partitionValues"].Type);
        Assert.Equal(duck.Rows.Count, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var a = rows[r][0] as object?[];
            Assert.Equal(duck[r, "path"]?.GetValue<string>(), a?[add.IndexOf("path")]);
            Assert.Equal(duck[r, "size"]?.GetValue<string>(), a?[add.IndexOf("size")]?.ToString());
            var meta = rows[r][1] as object?[];
            var metaType = (StructType)reader.Schema["metaData"].Type;
            Assert.Equal(duck[r, "schema"]?.GetValue<string>(), meta?[metaType.IndexOf("schemaString")]);
            var protocol = rows[r][2] as object?[];
            Assert.Equal(duck[r, "rv"]?.GetValue<string>(), protocol?[0]?.ToString());
        }
    }

    [Fact]
    public async Task SparkDecimalTable_MatchesDuckDb()
    {
        var dir = Path.Combine(RepositoryPaths.DeltaGolden, "delta-io_delta", "basic-decimal-table");
        foreach (var path in Directory.EnumerateFiles(dir, "*.parquet", SearchOption.AllDirectories))
        {
            var duck = await InteropHarness.Shared.QueryDuckDbAsync($"SELECT * FROM read_parquet({InteropHarness.SqlString(path)}, hive_partitioning = false)");
            using var reader = ParquetFileReader.Open(path);
            var batch = await reader.ReadRowGroupAsync(0);
            Assert.Equal(duck.Rows.Count, batch.RowCount);
            for (var c = 0; c < batch.Columns.Count; c++)
            {
                var name = batch.Schema.Fields[c].Name;
                for (var r = 0; r < batch.RowCount; r++)
                {
                    Assert.Equal(duck[r, name]?.ToString(), batch.Columns[c].GetValue(r)?.ToString());
                }
            }
        }
    }
}
