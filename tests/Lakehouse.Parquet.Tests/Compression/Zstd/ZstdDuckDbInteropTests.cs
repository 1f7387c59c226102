using System.Buffers.Binary;
using Lakehouse.Parquet.Compression.Zstd;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>
/// Pages DuckDB compresses with its bundled zstd decode correctly. Without a Parquet reader, the test finds the zstd
/// frames in the file by their magic number and decodes each with <see cref="FrameDecoder"/> (which stops at the
/// frame's end); the PLAIN-encoded BIGINT values must then all appear in the decoded pages.
/// </summary>
public sealed class ZstdDuckDbInteropTests
{
    [Fact]
    public async Task DecodeFrames_DuckDbZstdParquet_RegeneratesEveryValue()
    {
        const int rows = 200_000;
        using var dir = new TempDirectory();
        string path = dir.Combine("zstd.parquet");
        await InteropHarness.Shared.ExecuteDuckDbAsync(
            $"COPY (SELECT (i * 7)::BIGINT AS id, 'name-' || i AS name FROM range({rows}) t(i)) " +
            $"TO {InteropHarness.SqlString(path)} (FORMAT parquet, COMPRESSION zstd)");
        byte[] file = await File.ReadAllBytesAsync(path);

        var found = new HashSet<long>();
        int frames = 0;
        var page = new byte[4 << 20];
        DecoderContext context = DecoderContext.Rent();
        for (int start = file.AsSpan().IndexOf(FrameBuilder.Magic); start >= 0;)
        {
            int input = start;
            int written = 0;
            FrameDecoder.Decode(file, ref input, page, ref written, context);
            frames++;
            CollectConsecutiveValues(page.AsSpan(0, written), rows, found);
            int next = file.AsSpan(input).IndexOf(FrameBuilder.Magic);
            start = next < 0 ? -1 : input + next;
        }

        Assert.True(frames >= 2, $"expected zstd frames for both columns, found {frames}");
        Assert.True(found.Count >= rows - (frames * 2), $"found {found.Count} of {rows} id values in {frames} decoded pages");
    }

    /// <summary>Adds every v in runs of little-endian int64 values v, v + 7, v + 14, ... (the PLAIN-encoded ids).</summary>
    private static void CollectConsecutiveValues(ReadOnlySpan<byte> data, int rows, HashSet<long> found)
    {
        for (int alignment = 0; alignment < 8; alignment++)
        {
            for (int pos = alignment; pos + 16 <= data.Length; pos += 8)
            {
                long value = BinaryPrimitives.ReadInt64LittleEndian(data.Slice(pos));
                long next = BinaryPrimitives.ReadInt64LittleEndian(data.Slice(pos + 8));
                if (next == value + 7 && value % 7 == 0 && value >= 0 && value < 7L * rows)
                {
                    found.Add(value);
                }
            }
        }
    }
}
