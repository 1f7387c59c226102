namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Where the block being decoded may write: from the start of its frame (the furthest a match may reach back) up to a
/// limit that is the smaller of the destination's end and the block's maximum regenerated size.
/// </summary>
internal readonly record struct BlockOutput(int FrameStart, int BlockStart, int Limit, int BlockSizeMax, long BlockOffset)
{
    /// <summary>Reports an attempt to write <paramref name="needed"/> bytes past <see cref="Limit"/>.</summary>
    public void ThrowOverflow(long needed, int destinationLength)
    {
        if ((long)BlockStart + BlockSizeMax > destinationLength)
        {
            ZstdThrow.DestinationTooSmall(BlockOffset, needed, destinationLength);
        }

        ZstdThrow.Corrupt(BlockOffset, $"block regenerates more than the block maximum of {BlockSizeMax} bytes");
    }
}
