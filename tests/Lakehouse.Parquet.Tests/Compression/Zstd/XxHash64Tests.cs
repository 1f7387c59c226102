using System.Text;
using Lakehouse.Parquet.Compression.Zstd;

namespace Lakehouse.Parquet.Tests.Compression.Zstd;

public sealed class XxHash64Tests
{
    [Theory]
    [InlineData("", 0xEF46DB3751D8E999UL)]
    [InlineData("abc", 0x44BC2CF5AD770999UL)]
    public void Hash_KnownVectors_MatchReference(string text, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(Encoding.ASCII.GetBytes(text)));
    }
}
