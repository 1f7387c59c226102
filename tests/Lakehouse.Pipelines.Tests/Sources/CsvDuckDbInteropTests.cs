using System.Globalization;
using System.Text;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Pipelines.Tests.Sources;

/// <summary>The same tricky CSV read by DuckDB's read_csv and by our reader must give the same values.</summary>
public sealed class CsvDuckDbInteropTests
{
    [Fact]
    public async Task TrickyCsv_ReadsLikeDuckDb()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("tricky.csv");
        var random = new Random(42);
        var csv = new StringBuilder("id,name,amount,day,flag\r\n");
        var names = new[] { "plain", "with, comma", "with \"quotes\"", "two\r\nlines", "Zoë ünïcödé", "  padded  ", "tab\there" };
        for (var i = 0; i < 500; i++)
        {
            var name = names[random.Next(names.Length)];
            var quoted = name.IndexOfAny([',', '"', '\r', '\n']) >= 0 || name.StartsWith(' ');
            csv.Append(i).Append(',')
                .Append(quoted ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name).Append(',')
                .Append((random.Next(-100_000, 100_000) / 100.0).ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(new DateOnly(2020, 1, 1).AddDays(random.Next(2000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(2) == 0 ? "true" : "false").Append("\r\n");
        }

        await File.WriteAllTextAsync(path, csv.ToString(), new UTF8Encoding(false));
        var duck = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT id, name, amount, CAST(day AS VARCHAR) AS day, flag FROM read_csv({InteropHarness.SqlString(path)}, header = true, quote = '\"', escape = '\"', " +
            "columns = {'id': 'BIGINT', 'name': 'VARCHAR', 'amount': 'DOUBLE', 'day': 'DATE', 'flag': 'BOOLEAN'}) ORDER BY id");

        var source = SourceHarness.Csv(s => s with
        {
            SchemaHints = [new SchemaHint("amount", DataType.Double, default)],
        });
        var ours = await SourceHarness.ReadAsync(source, await File.ReadAllBytesAsync(path));

        Assert.Equal(500, duck.Rows.Count);
        Assert.Equal(500, ours.Rows.Count);
        Assert.Equal(0, ours.Stats.RowsRescued);
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(long.Parse(duck[i, "id"]!.ToString(), CultureInfo.InvariantCulture), ours.Value(i, "id"));
            Assert.Equal(duck[i, "name"]!.GetValue<string>(), ours.Value(i, "name"));
            Assert.Equal(duck[i, "amount"]!.GetValue<double>(), ours.Value(i, "amount"));
            Assert.Equal(DateOnly.Parse(duck[i, "day"]!.GetValue<string>(), CultureInfo.InvariantCulture), ours.Value(i, "day"));
            Assert.Equal(duck[i, "flag"]!.GetValue<bool>(), ours.Value(i, "flag"));
        }
    }
}
