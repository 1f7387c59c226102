using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Compression;

/// <summary>Compresses and decompresses whole pages. Instances may keep scratch state: one per writer or reader, not shared across threads.</summary>
internal interface IPageCodec
{
    CompressionCodec Codec { get; }

    /// <summary>Largest output <see cref="Compress"/> can produce for <paramref name="length"/> input bytes.</summary>
    int MaxCompressedLength(int length);

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    int Compress(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>Decompresses into <paramref name="destination"/>, which is exactly the page's uncompressed size; throws <see cref="InvalidDataException"/> on corrupt input.</summary>
    void Decompress(ReadOnlySpan<byte> source, Span<byte> destination);
}
