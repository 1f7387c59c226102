using Lakehouse.Parquet.Compression.Zstd;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Compression;

/// <summary>ZSTD pages, read-only: decompression through <see cref="ZstdDecoder"/>; writing ZSTD is not supported.</summary>
internal sealed class ZstdCodec : IPageCodec
{
    public CompressionCodec Codec => CompressionCodec.Zstd;

    public int MaxCompressedLength(int length) => throw new NotSupportedException("Writing ZSTD pages is not supported; use Snappy or Gzip.");

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        throw new NotSupportedException("Writing ZSTD pages is not supported; use Snappy or Gzip.");

    public void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = ZstdDecoder.Decompress(source, destination);
        if (written != destination.Length)
        {
            throw new InvalidDataException($"ZSTD page decompressed to {written} bytes, its header says {destination.Length}.");
        }
    }
}
