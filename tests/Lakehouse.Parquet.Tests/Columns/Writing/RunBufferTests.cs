using Lakehouse.Parquet.Columns.Writing;
using Lakehouse.Parquet.Encodings;

namespace Lakehouse.Parquet.Tests.Columns.Writing;

public sealed class RunBufferTests
{
    [Fact]
    public void Encode_OneValueOnly_WritesASingleRleRun()
    {
        var buffer = new RunBuffer();
        buffer.AddRun(1, 4096);
        buffer.AddRun(1, 3);
        var output = new GrowableBuffer<byte>();

        var written = buffer.Encode(1, output);

        // varint(4099 << 1) = 0x86 0x40, then the value in one byte.
        Assert.Equal([0x86, 0x40, 0x01], output.Span.ToArray());
        Assert.Equal(3, written);
        Assert.Equal(Enumerable.Repeat(1, 4099), Decode(output.Span, 1, buffer.Count));
    }

    [Fact]
    public void Encode_RunsRangesAndSingleValues_DecodesToTheSameSequence()
    {
        var buffer = new RunBuffer();
        var expected = new List<int>();
        buffer.AddRun(0, 100);
        expected.AddRange(Enumerable.Repeat(0, 100));
        buffer.AddRange([1, 0, 1, 1]);
        expected.AddRange([1, 0, 1, 1]);
        buffer.AddRun(1, 50);
        expected.AddRange(Enumerable.Repeat(1, 50));
        buffer.Add(0);
        expected.Add(0);
        buffer.Append(3).Fill(1);
        expected.AddRange([1, 1, 1]);
        var output = new GrowableBuffer<byte>();

        buffer.Encode(1, output);

        Assert.Equal(expected.Count, buffer.Count);
        Assert.Equal(expected, buffer.Materialized().ToArray());
        Assert.Equal(expected, Decode(output.Span, 1, expected.Count));
    }

    [Fact]
    public void Clear_ForgetsRunAndEntries()
    {
        var buffer = new RunBuffer();
        buffer.AddRun(3, 10);
        buffer.Add(2);
        buffer.Clear();
        buffer.AddRun(2, 9);
        var output = new GrowableBuffer<byte>();

        buffer.Encode(2, output);

        Assert.Equal(9, buffer.Count);
        Assert.Equal(Enumerable.Repeat(2, 9), Decode(output.Span, 2, 9));
    }

    private static int[] Decode(ReadOnlySpan<byte> data, int bitWidth, int count)
    {
        var values = new int[count];
        new RleBitPackedDecoder(data, bitWidth).Decode(values);
        return values;
    }
}
