using System.Globalization;
using Lakehouse.Local.Runs;
using Lakehouse.Local.StateMachines;
using Spectre.Console;

namespace Lakehouse.Cli.Output;

/// <summary>Prints what a local run did: files ingested, skipped and quarantined, bronze commits, and the transform run.</summary>
internal static class RunSummaryPrinter
{
    public static void Print(IAnsiConsole console, LocalRunResult result)
    {
        var ingestion = result.Ingestion;
        if (result.NothingNew)
        {
            console.WriteLine($"Nothing new: {ingestion.Skipped.Count} file(s) already ingested, no table changed.");
            foreach (var q in ingestion.Quarantined)
            {
                console.WriteLine($"quarantined: {q.Key}: {q.Reason} (report: {q.ReportKey})");
            }

            return;
        }

        foreach (var c in ingestion.Commits)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bronze {c.Table}: version {c.Version}, {c.Files} file(s), {c.Rows} row(s){(c.SchemaChanged ? ", schema changed" : string.Empty)}"));
        }

        foreach (var q in ingestion.Quarantined)
        {
            console.WriteLine($"quarantined: {q.Key}: {q.Reason} (report: {q.ReportKey})");
        }

        if (ingestion.Skipped.Count > 0)
        {
            console.WriteLine($"skipped {ingestion.Skipped.Count} file(s) already ingested");
        }

        if (result.Execution is { } run)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {result.RunId}: {run.Status} in {(run.StopTime - run.StartTime).TotalSeconds:F1} s, {run.StateTransitions} state transitions"));
            if (run.Status != ExecutionStatus.Succeeded)
            {
                console.WriteLine($"error: {run.Error}: {run.Cause}");
            }
        }
    }
}
