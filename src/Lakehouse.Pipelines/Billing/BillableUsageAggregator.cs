using System.Text;
using System.Text.Json;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Pipelines.Billing;

/// <summary>
/// Folds usage records into billable-usage rows: one per workspace × UTC hour (of the record's start) × function ×
/// pipeline × SKU × node type. Memory grows with the number of rows, not records, so a month of millions of records
/// aggregates in a few kilobytes per row.
/// </summary>
/// <remarks>
/// Exactness: each record contributes <c>dbus = GB-s × rate</c> (exact in decimal) and
/// <c>machineHours = round(billed ms / 3,600,000, 12)</c>; rows are exact decimal sums of those, so the totals of a
/// file equal the totals of its records to the last digit (the reconciliation tests check this).
/// </remarks>
public sealed class BillableUsageAggregator
{
    /// <summary>Decimal places kept of each record's machine hours (1 ms = 0.000000277778 h).</summary>
    public const int MachineHourDecimals = 12;

    private readonly BillingRates _rates;
    private readonly Dictionary<RowKey, Accumulator> _rows = [];

    public BillableUsageAggregator(BillingRates rates)
    {
        _rates = rates ?? throw new ArgumentNullException(nameof(rates));
    }

    public long RecordCount { get; private set; }

    public decimal TotalDbus { get; private set; }

    public decimal TotalMachineHours { get; private set; }

    public void Add(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (dbus, hours) = Contribution(record);
        var start = record.Start.ToUniversalTime();
        var hourStart = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero);
        var key = new RowKey(record.WorkspaceId, hourStart, record.Function, record.Pipeline, record.Kind, NodeType(record));
        if (!_rows.TryGetValue(key, out var acc))
        {
            acc = new Accumulator(record);
            _rows.Add(key, acc);
        }

        acc.Dbus += dbus;
        acc.MachineHours += hours;
        RecordCount++;
        TotalDbus += dbus;
        TotalMachineHours += hours;
    }

    /// <summary>What one record adds to <c>dbus</c> and <c>machineHours</c>.</summary>
    public (decimal Dbus, decimal MachineHours) Contribution(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind == UsageKind.Orchestration)
        {
            return (_rates.ForStateTransitions(record.StateTransitions), 0m);
        }

        var hours = Math.Round(record.BilledDurationMs / 3_600_000m, MachineHourDecimals, MidpointRounding.AwayFromZero);
        return (_rates.ForCompute(record.Architecture, record.GbSeconds), hours);
    }

    /// <summary>The rows, ordered by workspace, timestamp, cluster id and SKU.</summary>
    public IReadOnlyList<BillableUsageRow> Rows()
    {
        return _rows
            .OrderBy(kv => kv.Key.WorkspaceId, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.HourStart)
            .ThenBy(kv => kv.Key.Function, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Pipeline, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Kind)
            .ThenBy(kv => kv.Key.NodeType, StringComparer.Ordinal)
            .Select(kv => ToRow(kv.Key, kv.Value))
            .ToArray();
    }

    private static BillableUsageRow ToRow(RowKey key, Accumulator acc)
    {
        var clusterName = key.Pipeline.Length == 0 ? key.Function : $"{key.Pipeline}/{key.Kind.ToString().ToLowerInvariant()}";
        var defaults = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Vendor"] = "Lakehouse",
            ["Creator"] = acc.OwnerName,
            ["ClusterName"] = clusterName,
            ["ClusterId"] = key.Function,
            ["Pipeline"] = key.Pipeline,
        };
        var all = new SortedDictionary<string, string>(defaults, StringComparer.Ordinal);
        foreach (var (k, v) in acc.Tags)
        {
            all[k] = v;
        }

        return new BillableUsageRow(
            key.WorkspaceId,
            key.HourStart.AddHours(1).AddMilliseconds(-1),
            key.Function,
            clusterName,
            key.NodeType,
            acc.OwnerId,
            ToJson(new SortedDictionary<string, string>(acc.Tags.ToDictionary(), StringComparer.Ordinal)),
            Skus.For(key.Kind),
            acc.Dbus,
            acc.MachineHours,
            acc.OwnerName,
            ToJson(all));
    }

    private static string NodeType(UsageRecord record) =>
        record.Kind == UsageKind.Orchestration ? "stepfunctions.standard" : $"lambda.{record.Architecture}.{record.MemoryMb}mb";

    private static string ToJson(SortedDictionary<string, string> tags)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (k, v) in tags)
            {
                writer.WriteString(k, v);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private readonly record struct RowKey(string WorkspaceId, DateTimeOffset HourStart, string Function, string Pipeline, UsageKind Kind, string NodeType);

    private sealed class Accumulator(UsageRecord first)
    {
        public string OwnerId { get; } = first.OwnerId;

        public string OwnerName { get; } = first.OwnerName;

        public IReadOnlyDictionary<string, string> Tags { get; } = first.Tags;

        public decimal Dbus { get; set; }

        public decimal MachineHours { get; set; }
    }
}
