using System.Text;
using Lakehouse.Parquet.Encodings;

namespace Lakehouse.Parquet.Tests.Encodings;

public sealed class DeltaDecodersTests
{
    // DELTA_BINARY_PACKED [0, 2, 0]: block 128, 4 miniblocks, 3 values, first 0; min delta -2; miniblock 0 at 3 bits holds [4, 0].
    private static readonly byte[] Prefixes = [0x80, 0x01, 0x04, 0x03, 0x00, 0x03, 3, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    // DELTA_BINARY_PACKED [3, 1, 1]: first 3 (zigzag 6); min delta -2; miniblock 0 at 2 bits holds [0, 2].
    private static readonly byte[] Lengths = [0x80, 0x01, 0x04, 0x03, 0x06, 0x03, 2, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void DeltaBinaryPacked_DecodesHandEncodedBlock()
    {
        var values = new long[DeltaBinaryPackedDecoder.PeekCount(Lengths)];

        var consumed = DeltaBinaryPackedDecoder.Decode(Lengths, values);

        Assert.Equal([3L, 1L, 1L], values);
        Assert.Equal(Lengths.Length, consumed);
    }

    [Fact]
    public void DeltaLengthByteArray_SplitsConcatenatedBytes()
    {
        var sink = new Collect();
        ByteArrayDecoders.DecodeDeltaLength([.. Lengths, .. "abcdb"u8.ToArray()], 3, sink);
        Assert.Equal(["abc", "d", "b"], sink.Values);
    }

    [Fact]
    public void DeltaByteArray_AppliesPrefixesOfThePreviousValue()
    {
        var sink = new Collect();
        ByteArrayDecoders.DecodeDeltaByteArray([.. Prefixes, .. Lengths, .. "abcdb"u8.ToArray()], 3, sink);
        Assert.Equal(["abc", "abd", "b"], sink.Values);
    }

    [Fact]
    public void DeltaByteArray_PrefixLongerThanPrevious_Throws()
    {
        byte[] badPrefixes = [0x80, 0x01, 0x04, 0x03, 0x0A, 0x00, 0, 0, 0, 0];
        Assert.Throws<InvalidDataException>(() => ByteArrayDecoders.DecodeDeltaByteArray([.. badPrefixes, .. Lengths, .. "abcdb"u8.ToArray()], 3, new Collect()));
    }

    [Fact]
    public void ByteStreamSplit_ReassemblesLittleEndianValues()
    {
        var floats = new[] { 1.5f, -2.25f, 1e30f };
        var plain = floats.SelectMany(BitConverter.GetBytes).ToArray();
        var split = new byte[plain.Length];
        for (var i = 0; i < floats.Length; i++)
        {
            for (var k = 0; k < 4; k++)
            {
                split[(k * floats.Length) + i] = plain[(i * 4) + k];
            }
        }

        var result = new byte[plain.Length];
        ByteStreamSplitDecoder.Decode(split, floats.Length, 4, result);

        Assert.Equal(plain, result);
    }

    private sealed class Collect : IByteArraySink
    {
        public List<string> Values { get; } = [];

        public void Add(ReadOnlySpan<byte> value) => Values.Add(Encoding.UTF8.GetString(value));
    }
}
