using System.Globalization;
using Lakehouse.Delta.Errors;

namespace Lakehouse.Delta.Snapshots;

/// <summary>The <c>delta.*</c> table properties this library honours, with Spark's defaults.</summary>
public sealed record TableProperties
{
    public const string CheckpointIntervalKey = "delta.checkpointInterval";
    public const string AppendOnlyKey = "delta.appendOnly";
    public const string LogRetentionDurationKey = "delta.logRetentionDuration";
    public const string DeletedFileRetentionDurationKey = "delta.deletedFileRetentionDuration";
    public const string EnableExpiredLogCleanupKey = "delta.enableExpiredLogCleanup";
    public const string DataSkippingNumIndexedColsKey = "delta.dataSkippingNumIndexedCols";
    public const string SetTransactionRetentionDurationKey = "delta.setTransactionRetentionDuration";
    public const string TargetFileSizeKey = "delta.targetFileSize";

    /// <summary>Default <see cref="TargetFileSize"/>: 128 MiB, as Databricks' default for tables without tuning.</summary>
    public const long DefaultTargetFileSize = 128L * 1024 * 1024;

    public int CheckpointInterval { get; init; } = 10;

    public bool AppendOnly { get; init; }

    public TimeSpan LogRetentionDuration { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan DeletedFileRetentionDuration { get; init; } = TimeSpan.FromDays(7);

    public bool EnableExpiredLogCleanup { get; init; } = true;

    public int DataSkippingNumIndexedCols { get; init; } = 32;

    /// <summary>
    /// <c>delta.targetFileSize</c>: writers close a data file and start the next once it reaches about this many bytes
    /// (bytes, or with a unit: <c>64mb</c>, <c>1gb</c>).
    /// </summary>
    public long TargetFileSize { get; init; } = DefaultTargetFileSize;

    /// <summary>
    /// <c>delta.setTransactionRetentionDuration</c>: txn (app id) entries last updated longer ago are dropped when a
    /// checkpoint is written, so idempotent writers with ever new app ids do not grow the snapshot without bound.
    /// Null (Spark's default) keeps them forever.
    /// </summary>
    public TimeSpan? SetTransactionRetentionDuration { get; init; }

    /// <summary>Reads the properties from a table configuration; unknown keys are ignored, bad values refused.</summary>
    public static TableProperties From(IReadOnlyDictionary<string, string>? configuration)
    {
        var p = new TableProperties();
        if (configuration is null)
        {
            return p;
        }

        string? Get(string key) => configuration.TryGetValue(key, out var v) ? v : null;
        if (Get(CheckpointIntervalKey) is { } ci)
        {
            p = p with { CheckpointInterval = int.TryParse(ci, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw Bad(CheckpointIntervalKey, ci) };
        }

        if (Get(AppendOnlyKey) is { } ao)
        {
            p = p with { AppendOnly = bool.TryParse(ao, out var b) ? b : throw Bad(AppendOnlyKey, ao) };
        }

        if (Get(EnableExpiredLogCleanupKey) is { } ec)
        {
            p = p with { EnableExpiredLogCleanup = bool.TryParse(ec, out var b) ? b : throw Bad(EnableExpiredLogCleanupKey, ec) };
        }

        if (Get(DataSkippingNumIndexedColsKey) is { } nc)
        {
            p = p with { DataSkippingNumIndexedCols = int.TryParse(nc, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Bad(DataSkippingNumIndexedColsKey, nc) };
        }

        if (Get(LogRetentionDurationKey) is { } lr)
        {
            p = p with { LogRetentionDuration = ParseInterval(lr) ?? throw Bad(LogRetentionDurationKey, lr) };
        }

        if (Get(SetTransactionRetentionDurationKey) is { } tr)
        {
            p = p with { SetTransactionRetentionDuration = ParseInterval(tr) ?? throw Bad(SetTransactionRetentionDurationKey, tr) };
        }

        if (Get(TargetFileSizeKey) is { } ts)
        {
            p = p with { TargetFileSize = ParseByteSize(ts) is { } size and > 0 ? size : throw Bad(TargetFileSizeKey, ts) };
        }

        if (Get(DeletedFileRetentionDurationKey) is { } dr)
        {
            p = p with { DeletedFileRetentionDuration = ParseInterval(dr) ?? throw Bad(DeletedFileRetentionDurationKey, dr) };
        }

        return p;
    }

    /// <summary>Parses a byte size as Spark's byte strings: a number with an optional unit b, k/kb, m/mb, g/gb, t/tb (powers of 1024).</summary>
    public static long? ParseByteSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        var digits = 0;
        while (digits < t.Length && char.IsAsciiDigit(t[digits]))
        {
            digits++;
        }

        if (digits == 0 || !long.TryParse(t.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        long? multiplier = t[digits..].Trim() switch
        {
            "" or "b" => 1,
            "k" or "kb" => 1L << 10,
            "m" or "mb" => 1L << 20,
            "g" or "gb" => 1L << 30,
            "t" or "tb" => 1L << 40,
            _ => null,
        };
        return multiplier is { } m && n <= long.MaxValue / m ? n * m : null;
    }

    private static DeltaProtocolException Bad(string key, string value) =>
        new($"Table property {key} has the invalid value '{value}'. Fix it with ALTER TABLE ... SET TBLPROPERTIES.");

    /// <summary>Parses Spark's calendar intervals such as <c>interval 30 days</c>, <c>interval 1 week</c>, <c>7 days</c>.</summary>
    public static TimeSpan? ParseInterval(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = parts.Length > 0 && parts[0] == "interval" ? 1 : 0;
        var total = TimeSpan.Zero;
        var any = false;
        for (; i + 1 < parts.Length; i += 2)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            TimeSpan? unit = parts[i + 1].TrimEnd('s') switch
            {
                "week" => TimeSpan.FromDays(7),
                "day" => TimeSpan.FromDays(1),
                "hour" => TimeSpan.FromHours(1),
                "minute" => TimeSpan.FromMinutes(1),
                "second" => TimeSpan.FromSeconds(1),
                "millisecond" => TimeSpan.FromMilliseconds(1),
                _ => null,
            };
            if (unit is null)
            {
                return null;
            }

            total += unit.Value * n;
            any = true;
        }

        return any && i == parts.Length ? total : null;
    }
}
