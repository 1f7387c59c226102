using System.IO.Compression;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Compression;

/// <summary>GZIP pages (RFC 1952) through System.IO.Compression.</summary>
internal sealed class GzipCodec : IPageCodec
{
    public CompressionCodec Codec => CompressionCodec.Gzip;

    public int MaxCompressedLength(int length) => length + (length / 1000) + 64 + ((length / 16000) + 1) * 5;

    /// <summary>A complete gzip member for empty input (GZipStream writes nothing when nothing is written to it).</summary>
    private static ReadOnlySpan<byte> EmptyMember => [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            EmptyMember.CopyTo(destination);
            return EmptyMember.Length;
        }

        using var scratch = new MemoryStream(source.Length / 2 + 64);
        using (var gzip = new GZipStream(scratch, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(source);
        }

        var written = (int)scratch.Length;
        scratch.GetBuffer().AsSpan(0, written).CopyTo(destination);
        return written;
    }

    public unsafe void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            throw new InvalidDataException($"GZIP page is empty but its header says {destination.Length} bytes.");
        }

        fixed (byte* p = source)
        {
            using var input = new UnmanagedMemoryStream(p, source.Length);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            var total = 0;
            while (total < destination.Length)
            {
                var n = gzip.Read(destination[total..]);
                if (n == 0)
                {
                    throw new InvalidDataException($"GZIP page decompressed to {total} bytes, its header says {destination.Length}.");
                }

                total += n;
            }
        }
    }
}
