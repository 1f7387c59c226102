namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>Assembles hand-made zstd frames byte by byte, for format paths the reference CLI rarely emits.</summary>
internal static class FrameBuilder
{
    public static readonly byte[] Magic = [0x28, 0xB5, 0x2F, 0xFD];

    /// <summary>A single-segment frame with a one-byte content size and no checksum.</summary>
    public static byte[] SingleSegment(byte contentSize, params byte[][] blocks) =>
        [.. Magic, 0x20, contentSize, .. blocks.SelectMany(b => b)];

    /// <summary>A frame with a window descriptor, no content size and no checksum.</summary>
    public static byte[] Windowed(byte windowDescriptor, params byte[][] blocks) =>
        [.. Magic, 0x00, windowDescriptor, .. blocks.SelectMany(b => b)];

    public static byte[] RawBlock(bool last, byte[] content) => [.. Header(last, 0, content.Length), .. content];

    public static byte[] CompressedBlock(bool last, byte[] content) => [.. Header(last, 2, content.Length), .. content];

    private static byte[] Header(bool last, int type, int size)
    {
        int value = (size << 3) | (type << 1) | (last ? 1 : 0);
        return [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];
    }
}
