using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class CsvSourceReaderTests
{
    [Fact]
    public async Task Read_SimpleFile_InfersTypesAndReadsValues()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "id,name,amount,day,ok\n1,Ann,12.50,2024-01-31,true\n2,Bob,7.25,2024-02-29,false\n");

        Assert.Equal("struct<id: long, name: string, amount: decimal(38,2), day: date, ok: boolean, _rescued_data: string>", r.Schema.ToString());
        Assert.Equal(new object?[] { 1L, "Ann", new DecimalValue(1250, 2), new DateOnly(2024, 1, 31), true, null }, r.Rows[0]);
        Assert.Equal(new object?[] { 2L, "Bob", new DecimalValue(725, 2), new DateOnly(2024, 2, 29), false, null }, r.Rows[1]);
        Assert.Equal(2, r.Stats.RowsRead);
    }

    [Fact]
    public async Task Read_QuotedFields_HoldDelimitersNewlinesAndDoubledQuotes()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "id,text\n1,\"a,b\"\n2,\"line1\nline2\"\n3,\"say \"\"hi\"\"\"\n4,\"\"\n");

        Assert.Equal("a,b", r.Value(0, "text"));
        Assert.Equal("line1\nline2", r.Value(1, "text"));
        Assert.Equal("say \"hi\"", r.Value(2, "text"));
        Assert.Equal(string.Empty, r.Value(3, "text"));
    }

    [Fact]
    public async Task Read_RecordLineNumbers_AreTheFirstPhysicalLineOfEachRecord()
    {
        var source = SourceHarness.Csv(s => s with { SchemaHints = [new SchemaHint("id", DataType.Long, default)] });
        var r = await SourceHarness.ReadAsync(source, "id,text\n1,\"two\nlines\"\nx,ok\n\n3,\"a\r\nb\r\nc\"\ny,z\n");

        Assert.Equal(4, r.Rescued(1)!.Value.GetProperty("_line").GetInt32());
        Assert.Equal(9, r.Rescued(3)!.Value.GetProperty("_line").GetInt32());
        Assert.Equal(1, r.Stats.EmptyLinesSkipped);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task Read_AnyLineEnding_SplitsRecords(string eol)
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), $"a,b{eol}1,x{eol}2,y{eol}3,z");

        Assert.Equal([1L, 2L, 3L], r.Rows.Select(row => row[0]));
        Assert.Equal(["x", "y", "z"], r.Rows.Select(row => row[1]));
    }

    [Fact]
    public async Task Read_Utf8Bom_IsSkipped()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "\uFEFFid,name\n1,Zoë\n");

        Assert.Equal("id", r.Schema.Fields[0].Name);
        Assert.Equal("Zoë", r.Value(0, "name"));
    }

    [Fact]
    public async Task Read_WithoutHeader_NamesColumnsByPosition()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(s => s with { Csv = s.Csv with { Header = false } }), "1,a\n2,b\n");

        Assert.Equal(["_c0", "_c1", "_rescued_data"], r.Schema.Fields.Select(f => f.Name));
        Assert.Equal(2L, r.Value(1, "_c0"));
    }

    [Fact]
    public async Task Read_ShortRows_GetNulls()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "a,b,c\n1,2,3\n4\n");

        Assert.Equal(new object?[] { 4L, null, null, null }, r.Rows[1]);
    }

    [Fact]
    public async Task Read_LongRows_RescueTheExtraValues()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "a,b\n1,2\n3,4,extra,\"more\"\n");

        var rescued = r.Rescued(1)!.Value;
        Assert.Equal("extra", rescued.GetProperty("_c2").GetString());
        Assert.Equal("more", rescued.GetProperty("_c3").GetString());
        Assert.Equal("s3://landing/orders/a.csv", rescued.GetProperty("_file").GetString());
        Assert.Equal(3, rescued.GetProperty("_line").GetInt32());
        Assert.Equal(3L, r.Value(1, "a"));
        Assert.Null(r.Rescued(0));
        Assert.Equal(1, r.Stats.RowsRescued);
    }

    [Fact]
    public async Task Read_ValueThatDoesNotFitHint_IsNullAndRescuedWithItsOriginalText()
    {
        var source = SourceHarness.Csv(s => s with { SchemaHints = [new SchemaHint("qty", DataType.Long, default), new SchemaHint("day", DataType.Date, default)] });
        var r = await SourceHarness.ReadAsync(source, "qty,day\n5,2024-01-01\nabc,2024-02-30\n99999999999999999999,x\n");

        Assert.Null(r.Value(1, "qty"));
        Assert.Null(r.Value(1, "day"));
        var rescued = r.Rescued(1)!.Value;
        Assert.Equal("abc", rescued.GetProperty("qty").GetString());
        Assert.Equal("2024-02-30", rescued.GetProperty("day").GetString());
        Assert.Equal(3, rescued.GetProperty("_line").GetInt32());
        Assert.Equal("99999999999999999999", r.Rescued(2)!.Value.GetProperty("qty").GetString());
        Assert.Equal(4, r.Stats.ValuesRescued);
        Assert.Equal(2, r.Stats.RowsRescued);
    }

    [Fact]
    public async Task Read_ValuesBeyondTheSample_ThatDoNotFitTheInferredType_AreRescued()
    {
        var options = new SourceReaderOptions(InferenceSampleRows: 2);
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "n\n1\n2\n3.5\n", options: options);

        Assert.Equal(DataType.Long, r.Schema["n"].Type);
        Assert.Null(r.Value(2, "n"));
        Assert.Equal("3.5", r.Rescued(2)!.Value.GetProperty("n").GetString());
    }

    [Fact]
    public async Task Read_NullValue_IsNullUnlessQuoted()
    {
        var source = SourceHarness.Csv(s => s with { Csv = s.Csv with { NullValue = "NULL" } });
        var r = await SourceHarness.ReadAsync(source, "s,n\nNULL,NULL\n\"NULL\",\n,1\n");

        Assert.Null(r.Value(0, "s"));
        Assert.Null(r.Value(0, "n"));
        Assert.Equal("NULL", r.Value(1, "s"));
        Assert.Null(r.Value(1, "n"));
        Assert.Equal(string.Empty, r.Value(2, "s"));
        Assert.Equal(1L, r.Value(2, "n"));
        Assert.Equal(0, r.Stats.RowsRescued);
    }

    [Fact]
    public async Task Read_EmptyValues_AreNullByDefault()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "s,n\n,\n\"\",2\n");

        Assert.Null(r.Value(0, "s"));
        Assert.Null(r.Value(0, "n"));
        Assert.Equal(string.Empty, r.Value(1, "s"));
    }

    [Fact]
    public async Task Read_CustomDelimiterQuoteAndEscape()
    {
        var source = SourceHarness.Csv(s => s with { Csv = new CsvOptions(true, ';', '\'', '\\') });
        var r = await SourceHarness.ReadAsync(source, "a;b\n'x;y';'it\\'s \\\\ ok'\n");

        Assert.Equal("x;y", r.Value(0, "a"));
        Assert.Equal("it's \\ ok", r.Value(0, "b"));
    }

    [Fact]
    public async Task Read_TabDelimited()
    {
        var source = SourceHarness.Csv(s => s with { Csv = s.Csv with { Delimiter = '\t' } });
        var r = await SourceHarness.ReadAsync(source, "a\tb\n1\thello, world\n");

        Assert.Equal("hello, world", r.Value(0, "b"));
    }

    [Fact]
    public async Task Read_WithoutInference_ReadsStrings()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(s => s with { InferColumnTypes = false }), "a,b\n1,true\n");

        Assert.All(r.Schema.Fields, f => Assert.Equal(DataType.String, f.Type));
        Assert.Equal("1", r.Value(0, "a"));
    }

    [Fact]
    public async Task Read_DuplicateAndEmptyHeaderNames_AreMadeUnique()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "a,A,,b\n1,2,3,4\n");

        Assert.Equal(["a0", "A1", "_c2", "b", "_rescued_data"], r.Schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task Read_UnclosedQuote_ThrowsSourceFormatExceptionWithLine()
    {
        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(SourceHarness.Csv(), "a,b\n1,2\n3,\"never closed\n4,5\n"));

        Assert.Equal(3, e.Line);
        Assert.Contains("not closed", e.Message);
        Assert.Contains("s3://landing/orders/a.csv", e.Message);
    }

    [Fact]
    public async Task Read_BinaryGarbage_ThrowsSourceFormatExceptionWithPosition()
    {
        var bytes = "a,b\n1,2\n"u8.ToArray().Concat(new byte[] { 0xff, 0xfe, 0x00, 0x12 }).ToArray();
        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(SourceHarness.Csv(), bytes));

        Assert.Equal(3, e.Line);
        Assert.Equal(8, e.ByteOffset);
        Assert.Contains("not UTF-8 text", e.Message);
    }

    [Fact]
    public async Task Read_FileOverMaxSize_Throws()
    {
        var source = SourceHarness.Csv(s => s with { MaxFileSizeMb = 1 });
        var text = "a\n" + string.Concat(Enumerable.Repeat("1234567\n", 140_000));
        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(source, text));

        Assert.Contains("larger than the source's limit of 1 MB", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Read_ManyRows_AcrossBufferRefillsAndBatches_KeepsEveryRowInOrder(int parallelism)
    {
        var options = new SourceReaderOptions(BatchSize: 1000, InferenceSampleRows: 100, InferenceSampleBytes: 4096, BufferBytes: 4096, Parallelism: parallelism);
        var lines = Enumerable.Range(0, 10_000).Select(i => $"{i},\"name {i}\nsecond\",{i}.5" + (i % 997 == 0 ? ",extra" : string.Empty));
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "id,name,x\n" + string.Join("\n", lines) + "\n", options: options);

        Assert.All(r.Batches, b => Assert.InRange(b.RowCount, 1, 1000));
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (object)(long)i), r.Rows.Select(row => row[0]));
        foreach (var i in new[] { 0, 997, 4985, 9970 })
        {
            Assert.Equal(2 + (2 * i), r.Rescued(i)!.Value.GetProperty("_line").GetInt32());
        }

        Assert.Equal(11, r.Stats.RowsRescued);
        Assert.Equal(10_000, r.Stats.RowsRead);
        Assert.Equal(9_999L, r.Value(9_999, "id"));
        Assert.Equal("name 9999\nsecond", r.Value(9_999, "name"));
        Assert.Equal(new DecimalValue(99995, 1), r.Value(9_999, "x"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Read_PlainLinesWithOccasionalQuotes_KeepEveryRowAndLine(int parallelism)
    {
        var options = new SourceReaderOptions(BatchSize: 300, InferenceSampleRows: 50, InferenceSampleBytes: 2048, BufferBytes: 4096, Parallelism: parallelism);
        var lines = Enumerable.Range(0, 5000).Select(i => i % 101 == 0 ? $"{i},\"q,{i}\"" : i % 77 == 0 ? $"{i},x,extra\n" : $"{i},n{i}");
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "id,name\n" + string.Join("\n", lines) + "\n", options: options);

        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (object)(long)i), r.Rows.Select(row => row[0]));
        Assert.Equal("q,101", r.Value(101, "name"));
        Assert.All(r.Batches, b => Assert.InRange(b.RowCount, 1, 300));
        var rescued = r.Rescued(154)!.Value;
        Assert.Equal("extra", rescued.GetProperty("_c2").GetString());
        Assert.Equal(2 + 154 + 1, rescued.GetProperty("_line").GetInt32());
        Assert.Equal(64, r.Stats.EmptyLinesSkipped);
    }

    [Fact]
    public async Task Read_RecordLongerThanTheBuffer_GrowsTheBuffer()
    {
        var options = new SourceReaderOptions(InferenceSampleBytes: 1024, BufferBytes: 1024);
        var big = new string('x', 10_000);
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), $"a,b\n1,{big}\n2,y\n", options: options);

        Assert.Equal(big, r.Value(0, "b"));
        Assert.Equal("y", r.Value(1, "b"));
    }

    [Fact]
    public async Task Read_RecordLongerThanMaxRecordBytes_Throws()
    {
        var options = new SourceReaderOptions(InferenceSampleBytes: 1024, BufferBytes: 1024, MaxRecordBytes: 4096);
        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(SourceHarness.Csv(), $"a\n1\n\"{new string('x', 10_000)}\"\n", options: options));

        Assert.Contains("longer than", e.Message);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public async Task Read_MetadataColumns_AreFilled()
    {
        var source = SourceDefinition.Create("orders", SourceFormat.Csv) with { PartitionBy = ["_ingest_date"] };
        var r = await SourceHarness.ReadAsync(source, "a\n1\n");

        Assert.Equal(["a", "_rescued_data", "_source_file", "_ingested_at", "_ingest_date"], r.Schema.Fields.Select(f => f.Name));
        Assert.Equal("s3://landing/orders/a.csv", r.Value(0, "_source_file"));
        Assert.Equal(SourceHarness.IngestedAt.UtcDateTime, r.Value(0, "_ingested_at"));
        Assert.Equal(new DateOnly(2026, 3, 14), r.Value(0, "_ingest_date"));
    }

    [Fact]
    public async Task Read_FileColumnNamedLikeAReservedColumn_IsRescued()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), "a,_rescued_data\n1,x\n");

        Assert.Equal(["a", "_rescued_data"], r.Schema.Fields.Select(f => f.Name));
        Assert.Equal("x", r.Rescued(0)!.Value.GetProperty("_rescued_data").GetString());
    }

    [Fact]
    public async Task Read_NestedHint_ParsesTheFieldAsJson()
    {
        var source = SourceHarness.Csv(s => s with { SchemaHints = [new SchemaHint("tags", new ArrayType(DataType.String), default)] });
        var r = await SourceHarness.ReadAsync(source, "id,tags\n1,\"[\"\"a\"\",\"\"b\"\"]\"\n2,notjson\n");

        Assert.Equal(new List<object?> { "a", "b" }, r.Value(0, "tags"));
        Assert.Null(r.Value(1, "tags"));
        Assert.Equal("notjson", r.Rescued(1)!.Value.GetProperty("tags").GetString());
    }

    [Fact]
    public async Task Read_EmptyFile_ProducesNoBatches()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), string.Empty);

        Assert.Empty(r.Batches);
        Assert.Equal(["_rescued_data"], r.Schema.Fields.Select(f => f.Name));
    }
}
