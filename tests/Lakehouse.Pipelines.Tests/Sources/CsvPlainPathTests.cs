using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;
using Lakehouse.Pipelines.Sources.Csv;

namespace Lakehouse.Pipelines.Tests.Sources;

/// <summary>
/// The fused plain-line path of <see cref="CsvRowParser"/> against the tokenizer path on the same bytes: every row,
/// rescued value, line number, counter and consumed byte must be the same, whatever the quoting, line ends, nulls,
/// ragged rows, batch sizes and record cuts.
/// </summary>
public sealed class CsvPlainPathTests
{
    private const string Uri = "s3://landing/t/a.csv";

    private static readonly StructType Schema = new(
    [
        new StructField("id", DataType.Long), new StructField("name", DataType.String), new StructField("amount", DataType.Double),
        new StructField("day", DataType.Date), new StructField("flag", DataType.Boolean), new StructField("missing", DataType.String),
    ]);

    private static readonly string[] Values =
    [
        "123", "-5", "007", "1234.56", "-0.0", ".5", "5.", "+1.5", "1e5", "12345678901234567", "2024-02-29", "2023-02-29", "2024-13-01",
        "true", "FALSE", "tru", "", "NULL", "abc", " 7 ", "zoë", "a\"b", "x\"", new string('w', 40), new string('v', 300),
        "\"q,uoted\"", "\"dou\"\"bled\"", "\"line\nbreak\"", "\"cr\r\nlf\"", "\"\"", "\"q\"tail", "\"NULL\"",
    ];

    private static readonly Gen<string> Record =
        from count in Gen.Choose(0, 8)
        from fields in Gen.ArrayOf(Gen.Elements(Values), count)
        select string.Join(",", fields);

    /// <summary>Random CSV text of the file columns id,name,amount,day,flag,... (shared with the reader-level tests).</summary>
    internal static readonly Gen<string> Csv =
        from records in Gen.ListOf(Gen.Zip(Record, Gen.Elements("\n", "\r\n", "\r", "\n\n", "\r\n\r\n")))
        from lastTerminated in Gen.Elements(true, false)
        select string.Concat(records.Select((r, i) => r.Item1 + (i < records.Count - 1 || lastTerminated ? r.Item2 : string.Empty)));

    /// <summary>Null value option, batch capacity, and whether the data is final.</summary>
    private static readonly Gen<(string NullValue, int Capacity, bool Final)> Settings =
        from nullValue in Gen.Elements(string.Empty, "NULL")
        from capacity in Gen.Choose(1, 9)
        from final in Gen.Elements(true, false)
        select (nullValue, capacity, final);

    [Fact]
    public void RandomRecords_FastAndTokenizerPaths_GiveTheSameRowsLinesAndCounts()
    {
        var property = Prop.ForAll(
            Csv.ToArbitrary(),
            Settings.ToArbitrary(),
            (csv, settings) =>
            {
                var (nullValue, capacity, final) = settings;
                var bytes = Encoding.UTF8.GetBytes(csv);
                var fast = Run(bytes, nullValue, capacity, final, plainFastPath: true);
                var slow = Run(bytes, nullValue, capacity, final, plainFastPath: false);
                Assert.Equal(slow, fast);
                return true;
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    [Theory]
    [InlineData("1,a,1.5,2024-01-01,true\r\n2,b,2.5,2024-01-02,false\r\n", true)]
    [InlineData("1,a\r2,b\r\r3,c\r", true)]
    [InlineData("1,a\r", false)]
    [InlineData("1,a\r\n2,\"b\nc\",3\n4,d\"e\n", true)]
    [InlineData("\n\n1\n\r\n2,,,,,,,x\n", true)]
    [InlineData("1,a,b,c,d,e,f,g,h,i\n2\n", false)]
    public void Parse_EdgeCases_FastAndTokenizerPathsAgree(string csv, bool final)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        foreach (var capacity in new[] { 1, 2, 64 })
        {
            Assert.Equal(Run(bytes, string.Empty, capacity, final, plainFastPath: false), Run(bytes, string.Empty, capacity, final, plainFastPath: true));
        }
    }

    [Fact]
    public void Parse_CrAtTheEndOfNonFinalData_WaitsForAPossibleLf()
    {
        var result = Run(Encoding.UTF8.GetBytes("1,a\n2,b\r"), string.Empty, 64, final: false, plainFastPath: true);

        Assert.Equal(4, result.Consumed);
        Assert.Single(result.Rows);
    }

    [Fact]
    public void Parse_PlainLinesLongerThanTheQuoteSearchWindow_AreParsedWhole()
    {
        var longName = new string('n', 100_000);
        var csv = string.Concat(Enumerable.Range(0, 8).Select(i => $"{i},{longName},{i}.5,2024-01-0{i + 1},true\r\n"));
        var bytes = Encoding.UTF8.GetBytes(csv);

        var fast = Run(bytes, string.Empty, 64, final: true, plainFastPath: true);

        Assert.Equal(Run(bytes, string.Empty, 64, final: true, plainFastPath: false), fast);
        Assert.Equal(8, fast.Rows.Count);
        Assert.Equal(longName, fast.Rows[7][1]);
        Assert.Equal(9L, fast.Line);
    }

    /// <summary>Parses <paramref name="bytes"/> as a worker would (file columns id,name,amount,day,flag,skip; skip rescued, missing unmapped) in batches of <paramref name="capacity"/>.</summary>
    private static ParseResult Run(byte[] bytes, string nullValue, int capacity, bool final, bool plainFastPath)
    {
        var options = new CsvOptions(NullValue: nullValue);
        var source = SourceDefinition.Create("t", SourceFormat.Csv) with { MetadataColumns = MetadataColumns.Disabled, Csv = options };
        var layout = OutputLayout.Create(Schema, source, Uri);
        var keys = new[] { "id", "name", "amount", "day", "flag", "skip" }.Select(k => System.Text.Json.JsonEncodedText.Encode(k)).ToArray();
        var plan = new CsvColumnPlan(6, [0, 1, 2, 3, 4, -1], [5], keys, Encoding.UTF8.GetBytes(nullValue));
        using var parser = new CsvRowParser(plan, options, Uri, plainFastPath);
        var rows = new List<string>();
        long line = 1;
        var offset = 0;
        string? error = null;
        try
        {
            while (offset < bytes.Length)
            {
                var batch = new BatchBuilder(layout, capacity, Encoding.UTF8.GetBytes(Uri), DateTimeOffset.UnixEpoch);
                var consumed = parser.Parse(bytes.AsSpan(offset), final, batch, ref line, offset);
                var built = batch.Build();
                rows.AddRange(Enumerable.Range(0, built.RowCount).Select(r => string.Join("|", built.GetRow(r).Select(Show))));
                offset += consumed;
                if (consumed == 0)
                {
                    break;
                }
            }
        }
        catch (SourceFormatException e)
        {
            error = $"{e.Line}@{e.ByteOffset}";
        }

        return new ParseResult(rows.Select(r => r.Split('|')).Select(r => (object?[])r).ToList(), parser.Rows, parser.EmptyLines, parser.Rescue.ValuesRescued, line, offset, error)
        {
            Text = string.Join("\n", rows),
        };
    }

    private static string Show(object? value) => value switch
    {
        null => "<null>",
        double d => BitConverter.DoubleToInt64Bits(d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private sealed record ParseResult(List<object?[]> Rows, long RowCount, long EmptyLines, long ValuesRescued, long Line, int Consumed, string? Error)
    {
        public string Text { get; init; } = string.Empty;

        public bool Equals(ParseResult? other) =>
            other is not null && Text == other.Text && RowCount == other.RowCount && EmptyLines == other.EmptyLines
            && ValuesRescued == other.ValuesRescued && Line == other.Line && Consumed == other.Consumed && Error == other.Error;

        public override int GetHashCode() => HashCode.Combine(Text, RowCount, Line, Consumed);
    }
}
