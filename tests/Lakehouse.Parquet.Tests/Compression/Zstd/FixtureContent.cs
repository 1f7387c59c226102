using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>
/// Deterministic generators for the original bytes of the committed zstd fixtures; they mirror Fixtures/generate.py
/// exactly, so the tests compare decompressed output with content they rebuild rather than store.
/// </summary>
internal static class FixtureContent
{
    private static readonly string[] Words =
        ("the of and to in is was for on that with as by at from this be are or an it which not have has " +
         "data lake table parquet delta bronze silver gold page column row group schema commit version file " +
         "stream block frame literal match offset window checksum huffman entropy state decode encode value " +
         "null string integer decimal timestamp date boolean array map struct").Split(' ');

    public static string FixturesDirectory =>
        Path.Combine(Lakehouse.Testing.RepositoryPaths.Root, "tests", "Lakehouse.Parquet.Tests", "Compression", "Zstd", "Fixtures");

    public static byte[] ReadFixture(string name) => File.ReadAllBytes(Path.Combine(FixturesDirectory, name));

    /// <summary>The original content of each fixture, by file name.</summary>
    public static byte[] Expected(string name) => name switch
    {
        "empty.zst" => [],
        "hello.zst" => Encoding.ASCII.GetBytes("hello, zstd"),
        "text-small-l19.zst" => Text(1000, 7),
        "text-tiny-l19.zst" => Text(300, 10),
        "uniform16-l1.zst" => Uniform16(1000, 11),
        "nibbles-l1.zst" => Nibbles(2000, 12),
        "low-entropy-tail-l1.zst" => LowEntropyTail(14),
        "text-l1.zst" or "text-l3.zst" or "text-l19.zst" or "text-ultra22-long.zst" or "text-l3-nocheck.zst"
            or "text-l3-stream.zst" => Text(160000, 1),
        "binary-l3.zst" or "binary-l19.zst" => Binary(60000, 2),
        "random.zst" => RandomBytes(40000, 3),
        "runs-l3.zst" => Runs(300000, 4),
        "skewed-l3.zst" => Skewed(100000, 5),
        "skewed-l19.zst" => Skewed(150000, 5),
        "far-match-long.zst" => FarMatch(6),
        "multi-frame.zst" => [.. Text(5000, 8), .. Binary(7000, 9)],
        _ => throw new ArgumentException($"No generator for fixture {name}.", nameof(name)),
    };

    public static byte[] Text(int length, uint seed)
    {
        var lcg = new Lcg(seed);
        var output = new List<byte>(length + 16);
        while (output.Count < length)
        {
            output.AddRange(Encoding.ASCII.GetBytes(Words[(lcg.Next() >> 24) % (uint)Words.Length]));
            output.Add((lcg.Next() >> 24) < 20 ? (byte)'\n' : (byte)' ');
        }

        return [.. output.Take(length)];
    }

    public static byte[] Binary(int length, uint seed)
    {
        var lcg = new Lcg(seed);
        var output = new byte[length + 8];
        uint value = 1000;
        for (int i = 0, pos = 0; pos < length; i++, pos += 8)
        {
            value += lcg.Next() >> 28;
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(pos), (uint)i);
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(pos + 4), value);
        }

        return output[..length];
    }

    public static byte[] RandomBytes(int length, uint seed)
    {
        var lcg = new Lcg(seed);
        var output = new byte[length];
        for (int i = 0; i < length; i++)
        {
            output[i] = (byte)(lcg.Next() >> 24);
        }

        return output;
    }

    public static byte[] Runs(int length, uint seed)
    {
        var lcg = new Lcg(seed);
        var output = new List<byte>(length + 4096);
        output.AddRange(Enumerable.Repeat((byte)'A', 140000));
        while (output.Count < length)
        {
            byte b = (byte)(lcg.Next() >> 24);
            output.AddRange(Enumerable.Repeat(b, 1 + (int)(lcg.Next() >> 20)));
        }

        return [.. output.Take(length)];
    }

    public static byte[] Skewed(int length, uint seed)
    {
        var lcg = new Lcg(seed);
        var output = new byte[length];
        for (int i = 0; i < length; i++)
        {
            uint x = (lcg.Next() >> 16) | 0x10000;
            output[i] = (byte)('a' + BitOperations.TrailingZeroCount(x));
        }

        return output;
    }

    public static byte[] Uniform16(int length, uint seed)
    {
        var lcg = new Lcg(seed);
        var output = new byte[length];
        for (int i = 0; i < length; i++)
        {
            output[i] = (byte)('a' + ((lcg.Next() >> 24) & 15));
        }

        return output;
    }

    public static byte[] Nibbles(int length, uint seed)
    {
        var lcg = new Lcg(seed);
        var output = new byte[length];
        for (int i = 0; i < length; i++)
        {
            output[i] = (byte)((lcg.Next() >> 24) & 7);
        }

        return output;
    }

    public static byte[] LowEntropyTail(uint seed)
    {
        var lcg = new Lcg(seed);
        var output = new byte[4000];
        for (int i = 0; i < 3000; i++)
        {
            output[i] = (byte)('0' + ((lcg.Next() >> 24) & 63));
        }

        for (int i = 3000; i < 4000; i++)
        {
            output[i] = (byte)('0' + ((lcg.Next() >> 24) & 3));
        }

        return output;
    }

    public static byte[] FarMatch(uint seed)
    {
        byte[] chunk = RandomBytes(30000, seed);
        var output = new byte[chunk.Length + 9_000_000 + chunk.Length];
        chunk.CopyTo(output, 0);
        chunk.CopyTo(output, chunk.Length + 9_000_000);
        return output;
    }

    private sealed class Lcg(uint seed)
    {
        private uint _state = seed;

        public uint Next()
        {
            _state = unchecked((_state * 1664525) + 1013904223);
            return _state;
        }
    }
}
