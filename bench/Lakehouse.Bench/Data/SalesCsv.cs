using System.Buffers.Text;
using System.Text;

namespace Lakehouse.Bench.Data;

/// <summary>
/// The standard benchmark input: a deterministic CSV of N rows × 5 columns
/// (<c>id</c> long, <c>name</c> string, <c>amount</c> double, <c>day</c> date, <c>flag</c> bool), with a header.
/// Generated once per row count and cached under the data folder.
/// </summary>
internal static class SalesCsv
{
    public const string Header = "id,name,amount,day,flag";

    /// <summary>DuckDB column spec matching the file, so DuckDB does no sniffing work we don't do either.</summary>
    public const string DuckDbColumns = "{'id': 'BIGINT', 'name': 'VARCHAR', 'amount': 'DOUBLE', 'day': 'DATE', 'flag': 'BOOLEAN'}";

    public static string GetOrCreate(string dataDirectory, long rows)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, $"sales-{rows}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Write(file, rows);
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }

    private static void Write(Stream output, long rows)
    {
        var buffer = new byte[1 << 20];
        var pos = Encoding.ASCII.GetBytes(Header + "\n", buffer);
        var epoch = new DateOnly(2020, 1, 1);
        ulong state = 0x9E3779B97F4A7C15UL;
        for (long id = 1; id <= rows; id++)
        {
            if (pos > buffer.Length - 256)
            {
                output.Write(buffer, 0, pos);
                pos = 0;
            }

            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var span = buffer.AsSpan(pos);
            Utf8Formatter.TryFormat(id, span, out var n);
            pos += n;
            buffer[pos++] = (byte)',';
            pos += Encoding.ASCII.GetBytes("customer_", buffer.AsSpan(pos));
            Utf8Formatter.TryFormat(state % 100_000, buffer.AsSpan(pos), out n);
            pos += n;
            buffer[pos++] = (byte)',';
            var cents = (long)(state >> 40) % 1_000_000;
            Utf8Formatter.TryFormat(cents / 100, buffer.AsSpan(pos), out n);
            pos += n;
            buffer[pos++] = (byte)'.';
            buffer[pos++] = (byte)('0' + (cents / 10 % 10));
            buffer[pos++] = (byte)('0' + (cents % 10));
            buffer[pos++] = (byte)',';
            var day = epoch.AddDays((int)((state >> 20) % 1500));
            day.TryFormat(buffer.AsSpan(pos), out n, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            pos += n;
            buffer[pos++] = (byte)',';
            pos += Encoding.ASCII.GetBytes((state & 1) == 0 ? "true" : "false", buffer.AsSpan(pos));
            buffer[pos++] = (byte)'\n';
        }

        output.Write(buffer, 0, pos);
    }
}
