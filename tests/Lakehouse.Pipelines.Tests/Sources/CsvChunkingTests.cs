using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

/// <summary>
/// Parallel reading (the vectorized boundary scan cutting chunks, workers on the fused path) against reading on one
/// thread: same rows, rescued data with the same file lines, same counters, for any line ends and quoting.
/// </summary>
public sealed class CsvChunkingTests
{
    private const string Header = "id,name,amount,day,flag,skip";

    private static SourceDefinition Source(string nullValue = "") => SourceHarness.Csv(s => s with
    {
        Csv = s.Csv with { NullValue = nullValue },
        SchemaHints =
        [
            new SchemaHint("id", DataType.Long, default), new SchemaHint("name", DataType.String, default),
            new SchemaHint("amount", DataType.Double, default), new SchemaHint("day", DataType.Date, default),
            new SchemaHint("flag", DataType.Boolean, default), new SchemaHint("skip", DataType.String, default),
        ],
    });

    private static async Task<(List<string> Rows, SourceReadStats Stats)> ReadAsync(string csv, int parallelism, int batchSize, int bufferBytes)
    {
        var options = new SourceReaderOptions(BatchSize: batchSize, InferenceSampleRows: 10, InferenceSampleBytes: 64, BufferBytes: bufferBytes, Parallelism: parallelism);
        var r = await SourceHarness.ReadAsync(Source(), csv, options: options);
        Assert.All(r.Batches, b => Assert.InRange(b.RowCount, 1, batchSize));
        return (r.Rows.Select(row => string.Join("|", row.Select(v => v is double d ? BitConverter.DoubleToInt64Bits(d).ToString(System.Globalization.CultureInfo.InvariantCulture) : v?.ToString() ?? "<null>"))).ToList(), r.Stats);
    }

    [Fact]
    public void RandomFiles_ReadInParallelChunks_EqualReadingOnOneThread()
    {
        var property = Prop.ForAll(
            CsvPlainPathTests.Csv.ToArbitrary(),
            Gen.Choose(1, 6).ToArbitrary(),
            Gen.Elements(64, 128, 4096).ToArbitrary(),
            (body, batchSize, bufferBytes) =>
            {
                var csv = Header + "\n" + body;
                Exception? singleError = null;
                Exception? parallelError = null;
                (List<string> Rows, SourceReadStats Stats) single = default, parallel = default;
                try
                {
                    single = ReadAsync(csv, 1, batchSize, bufferBytes).GetAwaiter().GetResult();
                }
                catch (SourceFormatException e)
                {
                    singleError = e;
                }

                try
                {
                    parallel = ReadAsync(csv, 3, batchSize, bufferBytes).GetAwaiter().GetResult();
                }
                catch (SourceFormatException e)
                {
                    parallelError = e;
                }

                Assert.Equal(singleError?.Message, parallelError?.Message);
                if (singleError is null)
                {
                    Assert.Equal(single.Rows, parallel.Rows);
                    Assert.Equal(single.Stats! with { BytesRead = 0, RawBytesRead = 0 }, parallel.Stats! with { BytesRead = 0, RawBytesRead = 0 });
                }

                return true;
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Theory]
    [InlineData(1, "\r\n")]
    [InlineData(2, "\r\n")]
    [InlineData(1, "\r")]
    [InlineData(2, "\r")]
    [InlineData(4, "\n")]
    public async Task Read_PlainLinesWithAnyLineEnd_RescueWithTheFileLine(int parallelism, string eol)
    {
        var lines = Enumerable.Range(0, 3000).Select(i => i % 250 == 7 ? $"x{i},n{i},{i}.25,2024-02-30,true" : $"{i},n{i},{i}.25,2024-02-{(i % 28) + 1:D2},{(i % 2 == 0 ? "true" : "false")}");
        var csv = Header + eol + string.Join(eol, lines) + eol;
        var options = new SourceReaderOptions(BatchSize: 200, InferenceSampleRows: 10, InferenceSampleBytes: 256, BufferBytes: 2048, Parallelism: parallelism);

        var r = await SourceHarness.ReadAsync(Source(), csv, options: options);

        Assert.Equal(3000, r.Stats.RowsRead);
        Assert.Equal(12, r.Stats.RowsRescued);
        Assert.Equal(24, r.Stats.ValuesRescued);
        var rescued = r.Rescued(257)!.Value;
        Assert.Equal("x257", rescued.GetProperty("id").GetString());
        Assert.Equal("2024-02-30", rescued.GetProperty("day").GetString());
        Assert.Equal(259, rescued.GetProperty("_line").GetInt32());
        Assert.Equal(2999L, r.Value(2999, "id"));
        Assert.Equal(2999.25, r.Value(2999, "amount"));
        Assert.Equal(new DateOnly(2024, 2, 4), r.Value(2999, "day"));
        Assert.Equal(false, r.Value(2999, "flag"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Read_QuoteInTheMiddleOfAChunk_IsTokenizedAndLaterLinesStayPlain(int parallelism)
    {
        var lines = Enumerable.Range(0, 400).Select(i => i switch
        {
            150 => $"{i},\"two\r\nlines, quoted\",1.5,2024-01-01,true",
            151 => $"{i},mid\"quote,1.5,2024-01-01,true",
            _ => $"{i},n{i},1.5,2024-01-01,{(i == 399 ? "maybe" : "true")}",
        });
        var csv = Header + "\n" + string.Join("\n", lines) + "\n";
        var options = new SourceReaderOptions(BatchSize: 1000, InferenceSampleRows: 10, InferenceSampleBytes: 256, BufferBytes: 8192, Parallelism: parallelism);

        var r = await SourceHarness.ReadAsync(Source(), csv, options: options);

        Assert.Equal(400, r.Stats.RowsRead);
        Assert.Equal("two\r\nlines, quoted", r.Value(150, "name"));
        Assert.Equal("mid\"quote", r.Value(151, "name"));
        Assert.Equal(402, r.Rescued(399)!.Value.GetProperty("_line").GetInt32());
    }

    [Fact]
    public async Task Read_DoublesOutsideTheFastPath_AreExactOrRescued()
    {
        var csv = Header + "\n1,a,1234567890123456789,2024-01-01,true\n2,b,-0.0,2024-01-01,true\n3,c,1e400,2024-01-01,true\n4,d,+2.5e-3,2024-01-01,true\n5,e,0.1000000000000000055511151231257827,2024-01-01,true\n";

        var r = await SourceHarness.ReadAsync(Source(), csv);

        Assert.Equal(1234567890123456789.0, r.Value(0, "amount"));
        Assert.True(double.IsNegative((double)r.Value(1, "amount")!));
        Assert.Null(r.Value(2, "amount"));
        Assert.Equal("1e400", r.Rescued(2)!.Value.GetProperty("amount").GetString());
        Assert.Equal(0.0025, r.Value(3, "amount"));
        Assert.Equal(0.1, r.Value(4, "amount"));
    }
}
