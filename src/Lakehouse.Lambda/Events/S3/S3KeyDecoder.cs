using System.Buffers;
using System.Text;

namespace Lakehouse.Lambda.Events.S3;

/// <summary>
/// Decodes object keys of S3 event notifications, which are form-URL-encoded: <c>+</c> stands for a space and every
/// other reserved or non-ASCII byte is <c>%XX</c> of its UTF-8 encoding (so a literal <c>+</c> arrives as <c>%2B</c>).
/// </summary>
public static class S3KeyDecoder
{
    /// <summary>
    /// <c>+</c> → space, then percent-decoding of UTF-8 bytes. A <c>%</c> not followed by two hex digits is kept as is
    /// (keys are not guaranteed to come from a strict encoder); invalid UTF-8 becomes U+FFFD.
    /// </summary>
    public static string Decode(string encodedKey)
    {
        ArgumentNullException.ThrowIfNull(encodedKey);
        if (encodedKey.AsSpan().IndexOfAny('+', '%') < 0)
        {
            return encodedKey;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(encodedKey.Length));
        try
        {
            var count = 0;
            for (var i = 0; i < encodedKey.Length; i++)
            {
                var c = encodedKey[i];
                if (c == '+')
                {
                    bytes[count++] = (byte)' ';
                }
                else if (c == '%' && i + 2 < encodedKey.Length && IsHex(encodedKey[i + 1]) && IsHex(encodedKey[i + 2]))
                {
                    bytes[count++] = (byte)((HexValue(encodedKey[i + 1]) << 4) | HexValue(encodedKey[i + 2]));
                    i += 2;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < encodedKey.Length)
                {
                    count += Encoding.UTF8.GetBytes(encodedKey.AsSpan(i, 2), bytes.AsSpan(count));
                    i++;
                }
                else
                {
                    count += Encoding.UTF8.GetBytes(encodedKey.AsSpan(i, 1), bytes.AsSpan(count));
                }
            }

            return Encoding.UTF8.GetString(bytes, 0, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
