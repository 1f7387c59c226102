using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Pipelines.Billing;

/// <summary>
/// The nightly job: for a UTC date (default yesterday) recomputes the month-to-date billable-usage CSV of every
/// workspace from the usage store and replaces <c>&lt;prefix&gt;/billable-usage/csv/workspaceId=&lt;id&gt;-usageMonth=&lt;YYYY-MM&gt;.csv</c>
/// in one atomic put. Recomputing from the records (never appending) makes runs idempotent and picks up late records.
/// Before aggregating, every <see cref="Collectors"/> entry brings usage metered elsewhere (Step Functions state
/// transitions) into the store.
/// </summary>
public sealed class BillingJob
{
    private readonly IUsageStore _usage;
    private readonly IObjectStore _logs;
    private readonly BillingOptions _options;
    private readonly TimeProvider _time;

    public BillingJob(IUsageStore usage, IObjectStore logs, BillingOptions options, TimeProvider? time = null)
    {
        _usage = usage ?? throw new ArgumentNullException(nameof(usage));
        _logs = logs ?? throw new ArgumentNullException(nameof(logs));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Run before aggregating, in order. A collector that fails does not stop the files from being written (they hold
    /// everything stored so far, and the collector resumes where it stopped on the next run); the run then ends with a
    /// <see cref="BillingException"/> naming the collector, so the failure is seen and the invocation retried.
    /// </summary>
    public IReadOnlyList<IUsageCollector> Collectors { get; init; } = [];

    /// <summary>Yesterday in UTC by the injected clock.</summary>
    public DateOnly DefaultDate => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(-1);

    /// <summary>Collects, then writes the files of <paramref name="date"/>'s month (default yesterday).</summary>
    public async Task<IReadOnlyList<BillingFile>> RunAsync(DateOnly? date, CancellationToken cancellationToken) =>
        (await ExecuteAsync(date, cancellationToken)).Files;

    /// <summary>Collects, then writes the files of <paramref name="date"/>'s month (default yesterday); reports both.</summary>
    /// <exception cref="BillingException">A collector failed (after the files were written without its new usage).</exception>
    public async Task<BillingRun> ExecuteAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        var day = date ?? DefaultDate;
        var collections = new List<CollectionReport>();
        var failures = new List<(IUsageCollector Collector, Exception Error)>();
        foreach (var collector in Collectors)
        {
            try
            {
                collections.Add(await collector.CollectAsync(cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add((collector, e));
            }
        }

        var files = await WriteFilesAsync(day, cancellationToken);
        if (failures.Count > 0)
        {
            var (collector, error) = failures[0];
            throw new BillingException(
                $"Usage collector '{collector.Name}' failed: {error.Message} The billable-usage files were written without its new usage; " +
                "it resumes where it stopped on the next run (fix the cause, e.g. permissions, or run the job again).",
                failures.Count == 1 ? error : new AggregateException(failures.Select(f => f.Error)));
        }

        return new BillingRun(day, collections, files);
    }

    private async Task<IReadOnlyList<BillingFile>> WriteFilesAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var files = new List<BillingFile>();
        var monthStart = new DateOnly(day.Year, day.Month, 1);
        if (day.Day <= _options.LateArrivalDays)
        {
            var previous = monthStart.AddMonths(-1);
            files.AddRange(await RunMonthAsync(previous, monthStart, cancellationToken));
        }

        files.AddRange(await RunMonthAsync(monthStart, day.AddDays(1), cancellationToken));
        return files;
    }

    /// <summary>Writes the files of the month starting at <paramref name="monthStart"/> with usage before <paramref name="endExclusive"/>.</summary>
    private async Task<IReadOnlyList<BillingFile>> RunMonthAsync(DateOnly monthStart, DateOnly endExclusive, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(monthStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(endExclusive.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var files = new List<BillingFile>();
        foreach (var workspace in await _usage.ListWorkspacesAsync(from, to, cancellationToken))
        {
            var aggregator = new BillableUsageAggregator(_options.Rates);
            await foreach (var record in _usage.ReadAsync(workspace, from, to, cancellationToken))
            {
                aggregator.Add(record);
            }

            var rows = aggregator.Rows();
            var key = BillableUsageCsv.Key(_options.LogPrefix, workspace, monthStart.Year, monthStart.Month);
            using var content = new MemoryStream(BillableUsageCsv.ToUtf8(rows), writable: false);
            await _logs.PutAsync(key, content, cancellationToken);
            files.Add(new BillingFile(key, workspace, monthStart.Year, monthStart.Month, rows.Count, aggregator.RecordCount, aggregator.TotalDbus, aggregator.TotalMachineHours));
        }

        return files;
    }
}
