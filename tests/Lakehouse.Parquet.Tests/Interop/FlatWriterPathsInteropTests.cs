using System.Globalization;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>
/// The writer's flat-column paths (all-present and all-null slices without per-row levels, constant columns as RLE
/// runs, dictionaries given up early, vector-packed booleans) produce files DuckDB and hyparquet read identically.
/// </summary>
public sealed class FlatWriterPathsInteropTests
{
    private const int RowCount = 60_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FlatTable_DuckDbAggregatesAndStatisticsMatchTheRowsWritten(bool pageV2)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("flat.parquet");
        var rows = FlatTable.Rows(RowCount);
        var options = new ParquetWriterOptions { PageSize = 16 * 1024, RowGroupSize = 1024 * 1024, DictionaryPageSizeLimit = 64 * 1024, UseDataPageV2 = pageV2 };
        await File.WriteAllBytesAsync(path, TestFiles.Write(FlatTable.Schema, FlatTable.Batches(rows), options));

        var duck = await InteropHarness.Shared.QueryDuckDbAsync(
            "SELECT count(*)::VARCHAR n, sum(id)::VARCHAR sid, count(DISTINCT name)::VARCHAR dn, min(name) mn, max(name) mx, " +
            "count(*) FILTER (WHERE isnan(amount))::VARCHAR nan_amount, sum(amount) FILTER (WHERE NOT isnan(amount)) sa, " +
            "min(day)::VARCHAR d0, max(day)::VARCHAR d1, sum(flag::INT)::VARCHAR flags, count(_rescued_data)::VARCHAR rescued, " +
            "count(DISTINCT _source_file)::VARCHAR files, min(_source_file) file, min(epoch_us(_ingested_at))::VARCHAR t0, max(epoch_us(_ingested_at))::VARCHAR t1, " +
            "count(sparse)::VARCHAR ns, sum(sparse)::VARCHAR ss, count(maybe)::VARCHAR nm, sum(maybe::INT)::VARCHAR sm, " +
            "count(*) FILTER (WHERE isnan(ratio))::VARCHAR nan_ratio, count(*) FILTER (WHERE ratio = 0 AND signbit(ratio))::VARCHAR negative_zero " +
            $"FROM read_parquet({InteropHarness.SqlString(path)})");

        string Count(Func<object?[], bool> predicate) => rows.Count(predicate).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(Count(_ => true), duck[0, "n"]!.GetValue<string>());
        Assert.Equal(rows.Sum(r => (long)r[0]!).ToString(CultureInfo.InvariantCulture), duck[0, "sid"]!.GetValue<string>());
        Assert.Equal(rows.Select(r => r[1]).Distinct().Count().ToString(CultureInfo.InvariantCulture), duck[0, "dn"]!.GetValue<string>());
        Assert.Equal(FlatTable.Extreme(rows, 1, max: false), duck[0, "mn"]!.GetValue<string>());
        Assert.Equal(FlatTable.Extreme(rows, 1, max: true), duck[0, "mx"]!.GetValue<string>());
        Assert.Equal(Count(r => r[2] is double.NaN), duck[0, "nan_amount"]!.GetValue<string>());
        var sum = rows.Select(r => (double)r[2]!).Where(v => !double.IsNaN(v)).Sum();
        Assert.Equal(sum, duck[0, "sa"]!.GetValue<double>(), sum * 1e-12);
        Assert.Equal(((DateOnly)FlatTable.Extreme(rows, 3, max: false)!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), duck[0, "d0"]!.GetValue<string>());
        Assert.Equal(((DateOnly)FlatTable.Extreme(rows, 3, max: true)!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), duck[0, "d1"]!.GetValue<string>());
        Assert.Equal(Count(r => r[4] is true), duck[0, "flags"]!.GetValue<string>());
        Assert.Equal("0", duck[0, "rescued"]!.GetValue<string>());
        Assert.Equal("1", duck[0, "files"]!.GetValue<string>());
        Assert.Equal(FlatTable.SourceFile, duck[0, "file"]!.GetValue<string>());
        var micros = ((FlatTable.IngestedAt - DateTime.UnixEpoch).Ticks / 10).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(micros, duck[0, "t0"]!.GetValue<string>());
        Assert.Equal(micros, duck[0, "t1"]!.GetValue<string>());
        Assert.Equal(Count(r => r[8] is not null), duck[0, "ns"]!.GetValue<string>());
        Assert.Equal(rows.Sum(r => (long?)r[8] ?? 0).ToString(CultureInfo.InvariantCulture), duck[0, "ss"]!.GetValue<string>());
        Assert.Equal(Count(r => r[9] is not null), duck[0, "nm"]!.GetValue<string>());
        Assert.Equal(Count(r => r[9] is true), duck[0, "sm"]!.GetValue<string>());
        Assert.Equal(Count(r => r[10] is float.NaN), duck[0, "nan_ratio"]!.GetValue<string>());
        Assert.Equal(Count(r => r[10] is float f && f == 0 && float.IsNegative(f)), duck[0, "negative_zero"]!.GetValue<string>());
    }

    [Fact]
    public async Task FlatTable_DuckDbSeesExactRowGroupStatistics_AndHyparquetTheSameRows()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("stats.parquet");
        var rows = FlatTable.Rows(RowCount);
        await File.WriteAllBytesAsync(path, TestFiles.Write(FlatTable.Schema, FlatTable.Batches(rows), new ParquetWriterOptions { PageSize = 16 * 1024, RowGroupSize = 1024 * 1024 }));

        var meta = await InteropHarness.Shared.QueryDuckDbAsync(
            "SELECT row_group_id::VARCHAR g, row_group_num_rows::VARCHAR n, path_in_schema p, stats_min_value mn, stats_max_value mx, stats_null_count::VARCHAR null_count " +
            $"FROM parquet_metadata({InteropHarness.SqlString(path)}) WHERE path_in_schema IN ('id', 'sparse', '_rescued_data', 'name') ORDER BY row_group_id, path_in_schema");
        var hyp = await InteropHarness.Shared.ReadWithHyparquetAsync(path, ["id", "name", "_rescued_data", "_source_file", "sparse", "maybe"]);

        Assert.True(meta.Rows.Count >= 8, $"{meta.Rows.Count} chunk rows");
        var start = 0;
        for (var i = 0; i < meta.Rows.Count; i += 4)
        {
            var count = int.Parse(meta[i, "n"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            var group = rows.Skip(start).Take(count).ToList();
            foreach (var (row, column) in new[] { (i, 5), (i + 1, 0), (i + 2, 1), (i + 3, 8) })
            {
                Assert.Equal(FlatTable.Schema.Fields[column].Name, meta[row, "p"]!.GetValue<string>());
                Assert.Equal(group.Count(r => r[column] is null).ToString(CultureInfo.InvariantCulture), meta[row, "null_count"]!.GetValue<string>());
                Assert.Equal(Show(FlatTable.Extreme(group, column, max: false)), meta[row, "mn"]?.GetValue<string>());
                Assert.Equal(Show(FlatTable.Extreme(group, column, max: true)), meta[row, "mx"]?.GetValue<string>());
            }

            start += count;
        }

        Assert.Equal(RowCount, start);
        Assert.Equal(RowCount, hyp.NumRows);
        foreach (var i in new[] { 0, 4095, 4096, 9999, 10_000, 15_000, 20_000, 30_000, 30_001, RowCount - 1 })
        {
            var row = hyp.Rows[i]!;
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), row["id"]!.ToString());
            Assert.Equal(rows[i][1], row["name"]!.GetValue<string>());
            Assert.Null(row["_rescued_data"]);
            Assert.Equal(FlatTable.SourceFile, row["_source_file"]!.GetValue<string>());
            Assert.Equal(((long?)rows[i][8])?.ToString(CultureInfo.InvariantCulture), row["sparse"]?.ToString());
            Assert.Equal((bool?)rows[i][9], row["maybe"]?.GetValue<bool>());
        }
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
