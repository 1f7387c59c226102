using System.CommandLine;
using System.Globalization;
using Lakehouse.Cli.Targets;
using Lakehouse.Delta.Storage;
using Lakehouse.Local.Workspaces;
using Lakehouse.Pipelines.Billing;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse billing run</c>: the nightly billable-usage job, on a local workspace or, with a usage table and logs
/// bucket (<c>--usage-table</c>, <c>--logs</c>; USAGE_TABLE, LOGS_BUCKET), on AWS exactly as the Billing function runs it.
/// </summary>
internal static class BillingCommands
{
    public static Command Build(CliContext context)
    {
        var billing = new Command("billing", "Usage billing.");
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Local workspace folder (default: the current folder, unless --usage-table/--logs point at AWS)." };
        var date = new Option<string?>("--date", "-d") { Description = "UTC date yyyy-MM-dd to bill up to (default: yesterday)." };
        var rates = new Option<string?>("--rates") { Description = "Rate table, e.g. 'x86_64=0.0001,arm64=0.00008,transitions=0.025' (env LAKEHOUSE_BILLING_RATES)." };
        var run = new Command("run", "Recompute the month-to-date billable-usage CSV of every workspace into <logs>/[<prefix>/]billable-usage/csv/.") { workspace, date, rates };
        run.SetAction(async (parse, ct) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(date) is { } text)
            {
                day = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new CliUsageException($"--date '{text}' is not a date; use yyyy-MM-dd, e.g. 2026-11-21.");
            }

            var rateText = parse.GetValue(rates) ?? context.Environment("LAKEHOUSE_BILLING_RATES");
            var rateTable = rateText is null ? BillingRates.Default : BillingRates.Parse(rateText);
            var settings = AwsTargetSettings.Bind(parse, context.Environment);
            IReadOnlyList<BillingFile> files;
            Func<string, string> where;
            if (parse.GetValue(workspace) is null && (settings.UsageTable is not null || settings.Logs is not null))
            {
                _ = settings.UsageTable ?? throw new CliUsageException("'billing run' against AWS needs the usage table: pass --usage-table NAME or set USAGE_TABLE.");
                var logsBucket = settings.Logs ?? throw new CliUsageException("'billing run' against AWS needs the logs bucket: pass --logs s3://bucket[/prefix] or set LOGS_BUCKET.");
                using var target = new AwsTarget(settings);
                var logs = target.Store(logsBucket);
                files = await RunAsync(target.Usage(), logs, settings.LogPrefix, target.Time, day, rateTable, ct);
                where = logs.Describe;
            }
            else
            {
                var ws = new LocalWorkspace(parse.GetValue(workspace) ?? Directory.GetCurrentDirectory());
                files = await RunAsync(ws.Usage, ws.Logs, string.Empty, ws.Time, day, rateTable, ct);
                where = key => Path.Combine(ws.LogsDirectory, key);
            }

            foreach (var f in files)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{where(f.Key)}: {f.Rows} row(s) from {f.Records} usage record(s), {f.TotalDbus} units, {f.TotalMachineHours} machine hours"));
            }

            if (files.Count == 0)
            {
                await context.Output.WriteLineAsync("No usage recorded in that month yet: no file written.");
            }

            return 0;
        });
        billing.Subcommands.Add(run);
        return billing;
    }

    /// <summary>Bills a local workspace: usage under the lake's <c>_usage/</c>, CSVs under <c>logs/billable-usage/csv/</c>.</summary>
    public static Task<IReadOnlyList<BillingFile>> RunAsync(LocalWorkspace ws, DateOnly? day, CancellationToken cancellationToken) =>
        RunAsync(ws.Usage, ws.Logs, string.Empty, ws.Time, day, BillingRates.Default, cancellationToken);

    private static Task<IReadOnlyList<BillingFile>> RunAsync(IUsageStore usage, IObjectStore logs, string logPrefix, TimeProvider time, DateOnly? day, BillingRates rates, CancellationToken cancellationToken) =>
        new BillingJob(usage, logs, new BillingOptions(logPrefix, rates), time).RunAsync(day, cancellationToken);
}
