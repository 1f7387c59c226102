using System.CommandLine;
using System.Globalization;
using Lakehouse.Cli.Demo;
using Lakehouse.Cli.Output;
using Lakehouse.Delta;
using Lakehouse.Local.StateMachines;
using Lakehouse.Local.Workspaces;
using Lakehouse.Pipelines.EventLog;
using Lakehouse.Pipelines.Lake;
using Spectre.Console;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse demo [DIR]</c>: the whole platform on a laptop. Creates a workspace with the retail sample pipeline,
/// drops two days of generated files (duplicates, late updates, deletes, bad rows, a new column, a broken file), runs
/// ingest → silver → gold through the same state machine definition as AWS, writes the billing CSV and prints a summary.
/// </summary>
internal static class DemoCommand
{
    public static Command Build(CliContext context)
    {
        var dir = new Argument<string>("dir") { Description = "Folder for the demo workspace (created; must be empty or absent).", DefaultValueFactory = _ => "lakehouse-demo" };
        var command = new Command("demo", "Run the sample retail pipeline end to end in a local workspace and print where everything is.") { dir };
        command.SetAction(async (parse, ct) =>
        {
            var root = Path.GetFullPath(parse.GetRequiredValue(dir));
            if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            {
                throw new IOException($"{root} is not empty. Pass a new folder (lakehouse demo <dir>) or delete it first.");
            }

            var console = Consoles.For(context.Output);
            var definition = Path.Combine(root, "pipelines", "retail.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(definition)!);
            await File.WriteAllTextAsync(definition, SamplePipeline(), ct);
            using var session = await PipelineSession.OpenLocalAsync(definition, root, ct);
            var workspace = (LocalWorkspace)session.Workspace;
            var progress = context.Progress(parse);
            console.WriteLine($"Workspace {root} with pipeline '{session.Pipeline.Name}' ({definition})");

            for (var drop = 1; drop <= 2; drop++)
            {
                foreach (var (key, content) in RetailSampleData.Drop(drop))
                {
                    await using var stream = new MemoryStream(content);
                    await session.Workspace.Landing.PutAsync(key, stream, ct);
                }

                console.WriteLine();
                console.WriteLine($"Drop {drop}: files landed, running the pipeline");
                var result = await session.RunAsync(progress, forceTransforms: false, ct);
                RunSummaryPrinter.Print(console, result);
                if (result.Execution is { Status: not ExecutionStatus.Succeeded })
                {
                    return 1;
                }
            }

            var today = DateOnly.FromDateTime(session.Workspace.Time.GetUtcNow().UtcDateTime);
            var bills = await BillingCommands.RunAsync(workspace, today, ct);
            console.WriteLine();
            await PrintTablesAsync(console, session, ct);
            await PrintExpectationsAsync(console, session, ct);
            console.WriteLine();
            console.WriteLine($"Landing folder:   {workspace.LandingDirectory}");
            console.WriteLine($"Delta tables:     {Path.Combine(workspace.LakeDirectory, session.Pipeline.Name)}/{{bronze,silver,gold}}/<table>");
            console.WriteLine($"Event log:        {Path.Combine(workspace.LakeDirectory, workspace.Runtime.Layout.EventLog(session.Pipeline.Name))}");
            console.WriteLine($"Quarantine:       {Path.Combine(workspace.LakeDirectory, session.Pipeline.Name, "_quarantine")}");
            foreach (var b in bills)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Billing CSV:      {Path.Combine(workspace.LogsDirectory, b.Key)} ({b.Rows} rows, {b.TotalDbus} units)"));
            }

            console.WriteLine();
            console.WriteLine($"Next: lakehouse table read {Path.Combine(workspace.LakeDirectory, session.Pipeline.Name, "gold", "daily_sales")} --format table");
            console.WriteLine($"      lakehouse drop <file.csv> --pipeline retail --source orders --workspace {root}");
            return 0;
        });
        return command;
    }

    private static string SamplePipeline()
    {
        using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream("Lakehouse.Cli.retail.yaml")
            ?? throw new InvalidOperationException("The embedded sample pipeline is missing; rebuild Lakehouse.Cli.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task PrintTablesAsync(IAnsiConsole console, PipelineSession session, CancellationToken ct)
    {
        var grid = new Table().AddColumns("layer", "table", "version", "rows", "files");
        var tables = session.Pipeline.Sources.Select(s => (MedallionLayer.Bronze, s.Table))
            .Concat(session.Pipeline.Silver.Select(s => (MedallionLayer.Silver, s.Name)))
            .Concat(session.Pipeline.Gold.Select(g => (MedallionLayer.Gold, g.Name)));
        foreach (var (layer, name) in tables.Distinct())
        {
            var table = session.Workspace.Runtime.Table(session.Pipeline.Name, layer, name);
            if (!await table.ExistsAsync(ct))
            {
                grid.AddRow(layer.ToString().ToLowerInvariant(), name, "-", "-", "-");
                continue;
            }

            var snapshot = await table.GetSnapshotAsync(null, ct);
            grid.AddRow(
                layer.ToString().ToLowerInvariant(),
                name,
                snapshot.Version.ToString(CultureInfo.InvariantCulture),
                snapshot.TryGetRowCountFromStats()?.ToString(CultureInfo.InvariantCulture) ?? "?",
                snapshot.Files.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(grid);
    }

    private static async Task PrintExpectationsAsync(IAnsiConsole console, PipelineSession session, CancellationToken ct)
    {
        var log = session.Workspace.Runtime.Table(session.Workspace.Runtime.Layout.EventLog(session.Pipeline.Name));
        if (!await log.ExistsAsync(ct))
        {
            return;
        }

        var totals = new SortedDictionary<(string Table, string Expectation, string Action), (long Passed, long Failed)>();
        await foreach (var batch in log.ReadAsync((long?)null, ["table", "event_type", "expectation", "expectation_action", "passed", "failed"], ct))
        {
            for (var i = 0; i < batch.RowCount; i++)
            {
                var row = batch.GetRow(i);
                if ((string?)row[1] != PipelineEventTypes.Expectation)
                {
                    continue;
                }

                var key = ((string?)row[0] ?? string.Empty, (string?)row[2] ?? string.Empty, (string?)row[3] ?? string.Empty);
                totals.TryGetValue(key, out var t);
                totals[key] = (t.Passed + ((long?)row[4] ?? 0), t.Failed + ((long?)row[5] ?? 0));
            }
        }

        var grid = new Table().AddColumns("table", "expectation", "action", "passed", "failed");
        foreach (var ((table, expectation, action), (passed, failed)) in totals)
        {
            grid.AddRow(table, expectation, action, passed.ToString(CultureInfo.InvariantCulture), failed.ToString(CultureInfo.InvariantCulture));
        }

        console.WriteLine();
        console.WriteLine("Expectations (from the event log):");
        console.Write(grid);
    }
}
