using System.CommandLine;
using System.Globalization;
using Lakehouse.Local.Workspaces;
using Lakehouse.Pipelines.Billing;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse billing run</c>: the nightly billable-usage job on a local workspace.</summary>
internal static class BillingCommands
{
    public static Command Build(CliContext context)
    {
        var billing = new Command("billing", "Usage billing.");
        var workspace = new Option<string>("--workspace", "-w") { Description = "Workspace folder.", DefaultValueFactory = _ => Directory.GetCurrentDirectory() };
        var date = new Option<string?>("--date", "-d") { Description = "UTC date yyyy-MM-dd to bill up to (default: yesterday)." };
        var rates = new Option<string?>("--rates") { Description = "Rate table, e.g. 'x86_64=0.0001,arm64=0.00008,transitions=0.025'." };
        var run = new Command("run", "Recompute the month-to-date billable-usage CSV of every workspace into <workspace>/logs/billable-usage/csv/.") { workspace, date, rates };
        run.SetAction(async (parse, ct) =>
        {
            var ws = new LocalWorkspace(parse.GetRequiredValue(workspace));
            DateOnly? day = null;
            if (parse.GetValue(date) is { } text)
            {
                day = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new ArgumentException($"--date '{text}' is not a date; use yyyy-MM-dd, e.g. 2026-11-21.");
            }

            var files = await RunAsync(ws, day, parse.GetValue(rates), ct);
            foreach (var f in files)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.Combine(ws.LogsDirectory, f.Key)}: {f.Rows} row(s) from {f.Records} usage record(s), {f.TotalDbus} units, {f.TotalMachineHours} machine hours"));
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

    public static Task<IReadOnlyList<BillingFile>> RunAsync(LocalWorkspace ws, DateOnly? day, string? rates, CancellationToken cancellationToken)
    {
        var job = new BillingJob(ws.Usage, ws.Logs, new BillingOptions(string.Empty, rates is null ? BillingRates.Default : BillingRates.Parse(rates)), ws.Time);
        return job.RunAsync(day, cancellationToken);
    }
}
