using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Compression;

/// <summary>Creates the codec for a footer codec id; unsupported codecs are reported by the caller with file and column.</summary>
internal static class CodecFactory
{
    /// <summary>The codec, or null when this library cannot decode <paramref name="codec"/>.</summary>
    public static IPageCodec? TryCreate(CompressionCodec codec) => codec switch
    {
        CompressionCodec.Uncompressed => new UncompressedCodec(),
        CompressionCodec.Snappy => new SnappyCodec(),
        CompressionCodec.Gzip => new GzipCodec(),
        _ => null,
    };

    public static IPageCodec Create(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Uncompressed => new UncompressedCodec(),
        ParquetCompression.Snappy => new SnappyCodec(),
        ParquetCompression.Gzip => new GzipCodec(),
        _ => throw new NotSupportedException($"Writing {compression} is not supported; use Snappy, Gzip or Uncompressed."),
    };

    /// <summary>Largest plausible decompressed/compressed ratio, used to reject forged page sizes before allocating.</summary>
    public static long MaxExpansion(CompressionCodec codec) => codec switch
    {
        CompressionCodec.Uncompressed => 1,
        CompressionCodec.Snappy => 32,
        _ => 1100,
    };
}
