using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Parquet.Columns.Writing;
using Lakehouse.Parquet.Encodings;

namespace Lakehouse.Parquet.Tests.Encodings;

public sealed class RleBitPackedTests
{
    [Fact]
    public void EncodeThenDecode_ReturnsSameValues_ForRandomRunsAndWidths()
    {
        var gen = from width in Gen.Choose(0, 32)
                  from runs in Gen.ListOf(Gen.Zip(Gen.Choose(1, 40), Gen.Choose(0, int.MaxValue)))
                  select (width, runs);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (width, runs) = input;
            var mask = width == 32 ? -1 : (int)((1L << width) - 1);
            var values = runs.SelectMany(r => Enumerable.Repeat(r.Item2 & mask, r.Item1)).ToArray();
            var buffer = new GrowableBuffer<byte>();
            RleBitPackedEncoder.Encode(values, width, buffer);
            var decoded = new int[values.Length];
            new RleBitPackedDecoder(buffer.Span, width).Decode(decoded);
            return decoded.AsSpan().SequenceEqual(values);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_LongRun_UsesOneRleRun()
    {
        var values = Enumerable.Repeat(1, 10_000).ToArray();
        var buffer = new GrowableBuffer<byte>();

        RleBitPackedEncoder.Encode(values, 1, buffer);

        Assert.Equal([0xA0, 0x9C, 0x01, 0x01], buffer.Span.ToArray());
    }

    [Fact]
    public void Decode_TruncatedData_ThrowsInvalidData()
    {
        var ex = Assert.Throws<InvalidDataException>(() =>
        {
            var decoded = new int[100];
            new RleBitPackedDecoder(new byte[] { 0x10, 0x01 }, 1).Decode(decoded);
        });
        Assert.Contains("ended", ex.Message, StringComparison.Ordinal);
    }
}
