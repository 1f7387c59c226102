using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Compression;

/// <summary>UNCOMPRESSED pages: a copy.</summary>
internal sealed class UncompressedCodec : IPageCodec
{
    public CompressionCodec Codec => CompressionCodec.Uncompressed;

    public int MaxCompressedLength(int length) => length;

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    public void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new InvalidDataException($"Uncompressed page holds {source.Length} bytes but its header says {destination.Length}.");
        }

        source.CopyTo(destination);
    }
}
