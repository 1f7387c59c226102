using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Throw helpers kept out of line so the hot decoding loops stay small. Every message says what is wrong and at which
/// byte offset of the compressed input, so a corrupt Parquet page can be located.
/// </summary>
internal static class ZstdThrow
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Corrupt(long offset, string what) =>
        throw new InvalidDataException($"Corrupt zstd data at byte offset {offset}: {what}.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Truncated(long offset, string what, long needed, long available) =>
        throw new InvalidDataException(
            $"Truncated zstd data at byte offset {offset}: {what} needs {needed} bytes but only {available} remain.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void DestinationTooSmall(long offset, long needed, int capacity) =>
        throw new InvalidDataException(
            $"zstd output would exceed the destination buffer of {capacity} bytes (at least {needed} bytes needed) " +
            $"while decoding the block at byte offset {offset}; size the destination from the uncompressed size " +
            "recorded by the writer (Parquet page header or zstd frame content size).");
}
