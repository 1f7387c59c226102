using Lakehouse.Parquet.Encodings;

namespace Lakehouse.Parquet.Tests.Encodings;

public sealed class PlainBooleanCodecTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(1001)]
    public void Encode_PacksLsbFirst_AndDecodesBack(int count)
    {
        var values = Enumerable.Range(0, count).Select(i => (i * 2654435761u) >> 30 is 1 or 3).ToArray();
        var destination = new byte[((count + 7) / 8) + 4];
        destination.AsSpan().Fill(0xAA);

        var written = PlainBooleanCodec.Encode(values, destination);

        Assert.Equal((count + 7) / 8, written);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(values[i], (destination[i / 8] & (1 << (i % 8))) != 0);
        }

        Assert.All(destination.Skip(written), b => Assert.Equal(0xAA, b));
        if (count % 8 != 0)
        {
            Assert.Equal(0, destination[written - 1] >> (count % 8));
        }

        var decoded = new bool[count];
        PlainBooleanCodec.Decode(destination, count, decoded);
        Assert.Equal(values, decoded);
    }
}
