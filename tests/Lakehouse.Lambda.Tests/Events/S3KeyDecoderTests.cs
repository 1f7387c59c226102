using Lakehouse.Lambda.Events.S3;

namespace Lakehouse.Lambda.Tests.Events;

public sealed class S3KeyDecoderTests
{
    [Theory]
    [InlineData("plain/key.csv", "plain/key.csv")]
    [InlineData("with+spaces+here.csv", "with spaces here.csv")]
    [InlineData("a%2Bb.csv", "a+b.csv")]
    [InlineData("100%25+done.csv", "100% done.csv")]
    [InlineData("caf%C3%A9/%E6%97%A5%E6%9C%AC.json", "café/日本.json")]
    [InlineData("emoji%F0%9F%98%80.csv", "emoji😀.csv")]
    [InlineData("orders/shop/2026-11-21+daily+export%2B%C3%A9t%C3%A9.csv", "orders/shop/2026-11-21 daily export+été.csv")]
    [InlineData("lower%c3%a9hex", "loweréhex")]
    [InlineData("%2F%3D%26%3F", "/=&?")]
    public void Decode_TurnsPlusIntoSpaceThenPercentDecodesUtf8(string encoded, string expected)
    {
        Assert.Equal(expected, S3KeyDecoder.Decode(encoded));
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("bad%zzescape", "bad%zzescape")]
    [InlineData("end%4", "end%4")]
    public void Decode_KeepsPercentSignsThatStartNoEscape(string encoded, string expected)
    {
        Assert.Equal(expected, S3KeyDecoder.Decode(encoded));
    }

    [Fact]
    public void Decode_KeepsUnencodedNonAsciiCharacters()
    {
        Assert.Equal("été 😀", S3KeyDecoder.Decode("été+😀"));
    }

    [Fact]
    public void Decode_InvalidUtf8BecomesReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb", S3KeyDecoder.Decode("a%C3b"));
    }

    [Fact]
    public void Decode_RoundTripsFormEncodingOfAwkwardKeys()
    {
        foreach (var key in new[] { "a b+c%d/é/日本/😀 x.csv", "+++", "%%", "tab\tkey", "sp ace/ +%2B" })
        {
            var encoded = System.Net.WebUtility.UrlEncode(key);
            Assert.Equal(key, S3KeyDecoder.Decode(encoded));
        }
    }
}
