using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Reads a zstd backward bitstream (RFC 8878 section 4.1): written forward, read from the last byte towards the first.
/// The last byte holds a 1 marker bit above the final padding. Bits are served from a 64-bit container; callers read at
/// most 57 bits between reloads. Reading past the start yields zero bits and is detected by <see cref="IsOverflowed"/>
/// or <see cref="IsFinished"/>; memory outside the stream is never touched.
/// </summary>
internal ref struct BackwardBitReader
{
    private readonly ref byte _start;
    private ulong _container;
    private int _consumed;
    private int _position;

    /// <summary>The stream's bit container; hot loops copy it (with the two fields below) into locals and back.</summary>
    public ulong Container
    {
        readonly get => _container;
        set => _container = value;
    }

    /// <summary>Bits consumed from the top of <see cref="Container"/>.</summary>
    public int Consumed
    {
        readonly get => _consumed;
        set => _consumed = value;
    }

    /// <summary>Index of the first stream byte held in <see cref="Container"/>.</summary>
    public int Position
    {
        readonly get => _position;
        set => _position = value;
    }

    public BackwardBitReader(ReadOnlySpan<byte> stream, long errorOffset)
    {
        if (stream.IsEmpty)
        {
            ZstdThrow.Corrupt(errorOffset, "empty bitstream");
        }

        byte last = stream[^1];
        if (last == 0)
        {
            ZstdThrow.Corrupt(errorOffset + stream.Length - 1, "bitstream does not end with a marker bit");
        }

        _start = ref MemoryMarshal.GetReference(stream);
        int padding = 8 - (31 - BitOperations.LeadingZeroCount((uint)last));
        if (stream.Length >= 8)
        {
            _position = stream.Length - 8;
            _container = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref _start, _position));
            _consumed = padding;
        }
        else
        {
            _position = 0;
            ulong container = 0;
            for (int i = 0; i < stream.Length; i++)
            {
                container |= (ulong)stream[i] << (8 * i);
            }

            _container = container;
            _consumed = ((8 - stream.Length) * 8) + padding;
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The zstd decoder requires a little-endian platform.");
        }
    }

    /// <summary>True when every bit of the stream has been read, no more and no less.</summary>
    public readonly bool IsFinished => _position == 0 && _consumed == 64;

    /// <summary>True when more bits were read than the stream holds.</summary>
    public readonly bool IsOverflowed => _consumed > 64;

    /// <summary>Reads <paramref name="count"/> bits (0..56); zero when <paramref name="count"/> is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadBits(int count)
    {
        ulong value = (_container << _consumed) >> 1 >> (63 - count);
        _consumed += count;
        return value;
    }

    /// <summary>Peeks <paramref name="count"/> bits (1..56) without consuming them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong PeekBitsNonZero(int count) => (_container << _consumed) >> (64 - count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipBits(int count) => _consumed += count;

    /// <summary>Refills the container so at least 57 bits are available, or as many as remain in the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reload()
    {
        if (_position >= 8 && _consumed <= 64)
        {
            _position -= _consumed >> 3;
            _consumed &= 7;
            _container = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref _start, _position));
        }
        else
        {
            ReloadNearStart();
        }
    }

    private void ReloadNearStart()
    {
        if (_consumed > 64 || _position == 0)
        {
            return;
        }

        int bytes = _consumed >> 3;
        if (bytes > _position)
        {
            bytes = _position;
        }

        _position -= bytes;
        _consumed -= bytes * 8;
        _container = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref _start, _position));
    }
}
