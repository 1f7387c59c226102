using System.Globalization;
using System.Text;

namespace Lakehouse.Pipelines.Billing;

/// <summary>Writes billable-usage rows as RFC 4180 CSV with the 12-column header, invariant culture, LF line ends.</summary>
public static class BillableUsageCsv
{
    /// <summary>The object key of a workspace's month: <c>&lt;prefix&gt;/billable-usage/csv/workspaceId=&lt;id&gt;-usageMonth=&lt;YYYY-MM&gt;.csv</c>.</summary>
    public static string Key(string prefix, string workspaceId, int year, int month)
    {
        var file = string.Create(CultureInfo.InvariantCulture, $"billable-usage/csv/workspaceId={workspaceId}-usageMonth={year:D4}-{month:D2}.csv");
        var trimmed = (prefix ?? string.Empty).Trim('/');
        return trimmed.Length == 0 ? file : $"{trimmed}/{file}";
    }

    public static void Write(TextWriter writer, IEnumerable<BillableUsageRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(string.Join(',', BillableUsageRow.Columns));
        writer.Write('\n');
        foreach (var row in rows)
        {
            WriteField(writer, row.WorkspaceId);
            writer.Write(',');
            WriteField(writer, row.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.Write(',');
            WriteField(writer, row.ClusterId);
            writer.Write(',');
            WriteField(writer, row.ClusterName);
            writer.Write(',');
            WriteField(writer, row.ClusterNodeType);
            writer.Write(',');
            WriteField(writer, row.ClusterOwnerUserId);
            writer.Write(',');
            WriteField(writer, row.ClusterCustomTags);
            writer.Write(',');
            WriteField(writer, row.Sku);
            writer.Write(',');
            writer.Write(Number(row.Dbus));
            writer.Write(',');
            writer.Write(Number(row.MachineHours));
            writer.Write(',');
            WriteField(writer, row.ClusterOwnerUserName);
            writer.Write(',');
            WriteField(writer, row.Tags);
            writer.Write('\n');
        }
    }

    /// <summary>The CSV as UTF-8 bytes (no BOM).</summary>
    public static byte[] ToUtf8(IEnumerable<BillableUsageRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true))
        {
            Write(writer, rows);
        }

        return buffer.ToArray();
    }

    /// <summary>Invariant plain notation without trailing zeros (decimal keeps every digit; no exponent).</summary>
    private static string Number(decimal value)
    {
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return text;
    }

    private static void WriteField(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
