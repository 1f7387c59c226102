using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Testing.Tests.Interop;

public sealed class InteropHarnessTests
{
    [Fact]
    public async Task DuckDbWritesParquet_HyparquetReadsTheSameRows()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("duck.parquet");
        var harness = InteropHarness.Shared;

        await harness.ExecuteDuckDbAsync(
            $"COPY (SELECT i::BIGINT AS id, 'name-' || i AS name, (i * 1.5)::DOUBLE AS amount, DATE '2026-01-01' + i::INTEGER AS day, i % 2 = 0 AS even " +
            $"FROM range(5) t(i)) TO {InteropHarness.SqlString(path)} (FORMAT parquet, COMPRESSION snappy)");

        var duck = await harness.QueryDuckDbAsync($"SELECT id, name, amount, day, even FROM read_parquet({InteropHarness.SqlString(path)}) ORDER BY id");
        var hyp = await harness.ReadWithHyparquetAsync(path);

        Assert.Equal(5, hyp.NumRows);
        Assert.Equal(5, duck.Rows.Count);
        for (var i = 0; i < 5; i++)
        {
            var row = hyp.Rows[i]!.AsObject();
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), row["id"]!.ToString());
            Assert.Equal($"name-{i}", row["name"]!.GetValue<string>());
            Assert.Equal(i * 1.5, row["amount"]!.GetValue<double>());
            Assert.Equal(i % 2 == 0, row["even"]!.GetValue<bool>());
            Assert.StartsWith($"2026-01-0{i + 1}", row["day"]!.GetValue<string>(), StringComparison.Ordinal);

            Assert.Equal(row["id"]!.ToString(), duck[i, "id"]!.ToString());
            Assert.Equal(row["name"]!.GetValue<string>(), duck[i, "name"]!.GetValue<string>());
        }

        Assert.Contains(hyp.Schema, f => f!["name"]!.GetValue<string>() == "amount" && f["type"]!.GetValue<string>() == "DOUBLE");
    }

    [Fact]
    public async Task DuckDbError_IsReportedAsInteropException()
    {
        var ex = await Assert.ThrowsAsync<InteropException>(() => InteropHarness.Shared.QueryDuckDbAsync("SELECT * FROM no_such_table"));
        Assert.Contains("no_such_table", ex.Message, StringComparison.Ordinal);
    }
}
