using System.CommandLine;
using System.Globalization;
using Lakehouse.Cli.Output;
using Lakehouse.Delta;
using Lakehouse.Delta.Maintenance;
using Lakehouse.Delta.Storage;
using Spectre.Console;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse table list|vacuum|optimize|checkpoint</c>: find and maintain Delta tables.</summary>
internal static class TableMaintenanceCommands
{
    public static IEnumerable<Command> Build(CliContext context) => [List(context), Vacuum(context), Optimize(context), Checkpoint(context)];

    private static Argument<string> PathArgument() => new("path") { Description = "The table's root folder." };

    private static Command List(CliContext context)
    {
        var root = new Argument<string>("root") { Description = "Folder to search (e.g. a workspace's lake/ folder).", DefaultValueFactory = _ => "." };
        var command = new Command("list", "Find the Delta tables under a folder: path, version, live files and rows.") { root };
        command.SetAction(async (parse, ct) =>
        {
            var folder = Path.GetFullPath(parse.GetRequiredValue(root));
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"No directory at {folder}.");
            }

            var grid = new Table().AddColumns("table", "version", "files", "rows");
            var found = 0;
            foreach (var log in Directory.EnumerateDirectories(folder, "_delta_log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var tableDir = Path.GetDirectoryName(log)!;
                var table = DeltaTable.ForPath(new FileSystemObjectStore(tableDir), string.Empty);
                if (!await table.ExistsAsync(ct))
                {
                    continue;
                }

                var snapshot = await table.GetSnapshotAsync(null, ct);
                grid.AddRow(
                    Path.GetRelativePath(folder, tableDir),
                    snapshot.Version.ToString(CultureInfo.InvariantCulture),
                    snapshot.Files.Count.ToString(CultureInfo.InvariantCulture),
                    snapshot.TryGetRowCountFromStats()?.ToString(CultureInfo.InvariantCulture) ?? "?");
                found++;
            }

            if (found == 0)
            {
                await context.Output.WriteLineAsync($"No Delta table under {folder}.");
            }
            else
            {
                Consoles.For(context.Output).Write(grid);
            }

            return 0;
        });
        return command;
    }

    private static Command Vacuum(CliContext context)
    {
        var path = PathArgument();
        var hours = new Option<double?>("--retention-hours") { Description = "Keep files removed less than this many hours ago (default: the table's delta.deletedFileRetentionDuration, 7 days)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted without deleting." };
        var force = new Option<bool>("--force") { Description = "Allow a retention below the table's (breaks time travel and in-flight writers)." };
        var command = new Command("vacuum", "Delete data files no version within the retention references.") { path, hours, dryRun, force };
        command.SetAction(async (parse, ct) =>
        {
            var table = await context.OpenTable(parse.GetRequiredValue(path), ct);
            var result = await table.VacuumAsync(new VacuumOptions
            {
                Retention = parse.GetValue(hours) is { } h ? TimeSpan.FromHours(h) : null,
                DryRun = parse.GetValue(dryRun),
                Force = parse.GetValue(force),
            }, ct);
            foreach (var file in result.Files)
            {
                await context.Output.WriteLineAsync(file);
            }

            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(result.DryRun ? "would delete" : "deleted")} {result.Files.Count} file(s) (retention {result.Retention.TotalHours:0.#} h)"));
            return 0;
        });
        return command;
    }

    private static Command Optimize(CliContext context)
    {
        var path = PathArgument();
        var target = new Option<long>("--target-size-mb") { Description = "Target file size in MB.", DefaultValueFactory = _ => 128 };
        var command = new Command("optimize", "Bin-pack small files of each partition into larger ones (dataChange=false).") { path, target };
        command.SetAction(async (parse, ct) =>
        {
            var table = await context.OpenTable(parse.GetRequiredValue(path), ct);
            var result = await table.OptimizeAsync(new OptimizeOptions { TargetFileSize = parse.GetValue(target) * 1024 * 1024 }, ct);
            await context.Output.WriteLineAsync(result.Version is { } v
                ? string.Create(CultureInfo.InvariantCulture, $"version {v}: replaced {result.FilesRemoved} file(s) by {result.FilesAdded}")
                : "nothing to compact");
            return 0;
        });
        return command;
    }

    private static Command Checkpoint(CliContext context)
    {
        var path = PathArgument();
        var command = new Command("checkpoint", "Write a checkpoint of the latest version and _last_checkpoint.") { path };
        command.SetAction(async (parse, ct) =>
        {
            var table = await context.OpenTable(parse.GetRequiredValue(path), ct);
            var info = await table.CheckpointAsync(ct);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"checkpoint at version {info.Version} ({info.Size} actions)"));
            return 0;
        });
        return command;
    }
}
