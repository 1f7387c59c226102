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
        CompressionCodec.Zstd => new ZstdCodec(),
        _ => null,
    };

    public static IPageCodec Create(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Uncompressed => new UncompressedCodec(),
        ParquetCompression.Snappy => new SnappyCodec(),
        ParquetCompression.Gzip => new GzipCodec(),
        _ => throw new NotSupportedException($"Writing {compression} is not supported; use Snappy, Gzip or Uncompressed."),
    };

    /// <summary>
    /// Largest plausible uncompressed size of a page of <paramref name="compressed"/> bytes, used to reject forged page
    /// sizes before allocating: Snappy cannot expand more than ~22x, Deflate ~1032x; zstd has no bound, so 1100x plus 16 MB.
    /// </summary>
    public static long MaxUncompressed(CompressionCodec codec, long compressed) => codec switch
    {
        CompressionCodec.Uncompressed => compressed,
        CompressionCodec.Snappy => (compressed * 32) + 64,
        CompressionCodec.Gzip => (compressed * 1100) + 1024,
        _ => (compressed * 1100) + (16L << 20),
    };
}
