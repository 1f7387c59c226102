using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Lakehouse.Cli.Demo;

/// <summary>
/// Deterministic sample files for the retail demo, in two drops. Drop 1: orders (with exact duplicates, a negative
/// amount that the <c>positive_amount</c> expectation drops, an unknown status that <c>known_status</c> warns about, an
/// unparsable amount that lands in <c>_rescued_data</c>) and customers. Drop 2: status updates, an out-of-order (late)
/// update that must not win, a delete, new orders with a new <c>channel</c> column, customer changes (SCD2 history), and a
/// truncated gzip file that is quarantined.
/// </summary>
internal static class RetailSampleData
{
    private static readonly string[] Statuses = ["placed", "shipped", "delivered", "cancelled"];

    public static IReadOnlyList<(string Key, byte[] Content)> Drop(int number) => number switch
    {
        1 => [("retail/orders/orders-2026-11-20.csv", Orders1()), ("retail/customers/customers-2026-11-20.jsonl", Customers1())],
        2 => [("retail/orders/orders-2026-11-21.csv", Orders2()), ("retail/customers/customers-2026-11-21.jsonl", Customers2()), ("retail/orders/orders-broken.csv.gz", Broken())],
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "The demo has drops 1 and 2."),
    };

    private static byte[] Orders1()
    {
        var sb = new StringBuilder("order_id,customer_id,status,amount,ordered_at\n");
        var start = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 40; i++)
        {
            var amount = i switch
            {
                13 => "-3.00",          // fails positive_amount (drop)
                17 => "n/a",            // not a decimal: rescued
                _ => (10 + (i * 7 % 90) + (i % 4 * 0.25)).ToString("0.00", CultureInfo.InvariantCulture),
            };
            var status = i == 21 ? "lost" : Statuses[i % 3]; // "lost" fails known_status (warn)
            var line = string.Create(CultureInfo.InvariantCulture, $"{i},{(i % 10) + 1},{status},{amount},{start.AddMinutes(i * 9):yyyy-MM-dd HH:mm:ss}\n");
            sb.Append(line);
            if (i is 5 or 6)
            {
                sb.Append(line); // exact duplicates (redelivered rows)
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Orders2()
    {
        var sb = new StringBuilder("order_id,customer_id,status,amount,ordered_at,channel\n");
        var day2 = new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 5; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i},{(i % 10) + 1},delivered,{10 + (i * 7 % 90) + (i % 4 * 0.25):0.00},{day2.AddMinutes(i):yyyy-MM-dd HH:mm:ss},web\n");
        }

        // A late update for order 7, older than what silver already holds: must not overwrite it.
        sb.Append("7,8,cancelled,59.75,2026-11-19 23:00:00,store\n");
        sb.Append(CultureInfo.InvariantCulture, $"8,9,deleted,0.01,{day2.AddMinutes(30):yyyy-MM-dd HH:mm:ss},web\n");
        for (var i = 41; i <= 60; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i},{(i % 12) + 1},placed,{5 + (i % 17 * 3.5):0.00},{day2.AddMinutes(i * 5):yyyy-MM-dd HH:mm:ss},{(i % 2 == 0 ? "web" : "app")}\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Customers1()
    {
        var sb = new StringBuilder();
        for (var c = 1; c <= 12; c++)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{{\"customer_id\": {c}, \"name\": \"Customer {c}\", \"email\": \"Customer{c}@Example.com\", \"country\": \"{(c % 3 == 0 ? "DE" : "US")}\", \"updated_at\": \"2026-11-20T07:00:00Z\"}}\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Customers2()
    {
        var sb = new StringBuilder();
        foreach (var c in new[] { 2, 5, 9 })
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{{\"customer_id\": {c}, \"name\": \"Customer {c}\", \"email\": \"customer{c}@new.example\", \"country\": \"FR\", \"updated_at\": \"2026-11-21T10:00:00Z\"}}\n");
        }

        sb.Append("{\"customer_id\": 12, \"name\": \"Customer 12\", \"email\": \"not-an-email\", \"country\": \"US\", \"updated_at\": \"2026-11-21T11:00:00Z\"}\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Broken()
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(Orders1());
        }

        var full = output.ToArray();
        return full[..(full.Length / 2)];
    }
}
