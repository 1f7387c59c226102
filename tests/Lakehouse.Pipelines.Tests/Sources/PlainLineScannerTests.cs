using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Pipelines.Sources.Csv;

namespace Lakehouse.Pipelines.Tests.Sources;

/// <summary>The boundary scan's vectorized fast path against the tokenizer: the same records, never one holding a quote.</summary>
public sealed class PlainLineScannerTests
{
    /// <summary>Whole records the tokenizer finds from the start, stopping at the first that holds a quote or may continue past the data.</summary>
    private static (int Length, int Records) Reference(byte[] data, int maxRecords)
    {
        var tokenizer = new CsvTokenizer(',', '"', '"');
        var pos = 0;
        var records = 0;
        while (records < maxRecords && pos < data.Length)
        {
            var n = tokenizer.ReadRecord(data.AsSpan(pos), final: false);
            if (n <= 0 || data.AsSpan(pos, n).Contains((byte)'"'))
            {
                break;
            }

            Assert.Equal(1, tokenizer.LineBreaks);
            pos += n;
            records++;
        }

        return (pos, records);
    }

    [Fact]
    public void Scan_RandomText_FindsTheSameRecordsAsTheTokenizer()
    {
        var text = Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(Gen.Frequency((8, Gen.Constant('a')), (2, Gen.Constant(',')), (2, Gen.Constant('\n')), (1, Gen.Constant('\r')), (1, Gen.Constant('"'))), n));
        var property = Prop.ForAll(text.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (chars, max) =>
        {
            var data = Encoding.ASCII.GetBytes(chars);
            var length = PlainLineScanner.Scan(data, (byte)'"', max, out var records);
            Assert.Equal(Reference(data, max), (length, records));
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Theory]
    [InlineData("abc\r", 0, 0)]
    [InlineData("abc\r\n", 5, 1)]
    [InlineData("a\rb\r\nc\n\"d\"\n", 7, 3)]
    [InlineData("no terminator", 0, 0)]
    public void Scan_LineEnds_AreRecordEnds(string text, int length, int records)
    {
        Assert.Equal(length, PlainLineScanner.Scan(Encoding.ASCII.GetBytes(text), (byte)'"', 100, out var found));
        Assert.Equal(records, found);
    }

    [Fact]
    public void Scan_CrlfSplitAcrossVectorBlocks_CountsOneRecord()
    {
        // The CR is byte 31 (the last of the first 32-byte block), its LF byte 32.
        var text = new string('x', 31) + "\r\n" + new string('y', 40) + "\n";

        Assert.Equal(text.Length, PlainLineScanner.Scan(Encoding.ASCII.GetBytes(text), (byte)'"', 100, out var records));
        Assert.Equal(2, records);
    }

    [Fact]
    public void Scan_MaxRecords_StopsAfterThatManyLines()
    {
        var text = string.Concat(Enumerable.Repeat("12345,abcde\n", 50));

        Assert.Equal(12 * 37, PlainLineScanner.Scan(Encoding.ASCII.GetBytes(text), (byte)'"', 37, out var records));
        Assert.Equal(37, records);
    }
}
