using System.CommandLine;
using System.Globalization;
using Lakehouse.Cli.Output;
using Lakehouse.Cli.Targets;
using Lakehouse.Delta.Maintenance;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse table list|vacuum|optimize|checkpoint</c>: find and maintain Delta tables, local or on S3.</summary>
internal static class TableMaintenanceCommands
{
    public static IEnumerable<Command> Build(CliContext context) => [TableListCommand.Build(context), Vacuum(context), Optimize(context), Checkpoint(context)];

    private static Command Vacuum(CliContext context)
    {
        var path = TableCommands.PathArgument();
        var hours = new Option<double?>("--retention-hours") { Description = "Keep files removed less than this many hours ago (default: the table's delta.deletedFileRetentionDuration, 7 days)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted without deleting." };
        var force = new Option<bool>("--force") { Description = "Allow a retention below the table's (breaks time travel and in-flight writers)." };
        var command = new Command("vacuum", "Delete data files no version within the retention references (progress names each deleted file; --dry-run lists them).")
        {
            path, hours, dryRun, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var handle = await TableLocator.OpenAsync(context, parse, parse.GetRequiredValue(path), ct);
            var result = await context.Progress(parse).RunAsync(view => handle.Table.VacuumAsync(new VacuumOptions
            {
                Retention = parse.GetValue(hours) is { } h ? TimeSpan.FromHours(h) : null,
                DryRun = parse.GetValue(dryRun),
                Force = parse.GetValue(force),
                Progress = new MaintenanceProgressReporter("vacuum", view),
            }, ct));
            if (result.DryRun)
            {
                foreach (var file in result.Files)
                {
                    await context.Output.WriteLineAsync(file);
                }
            }

            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(result.DryRun ? "would delete" : "deleted")} {result.Files.Count} file(s) (retention {result.Retention.TotalHours:0.#} h)"));
            return 0;
        });
        return command;
    }

    private static Command Optimize(CliContext context)
    {
        var path = TableCommands.PathArgument();
        var target = new Option<long>("--target-size-mb") { Description = "Target file size in MB.", DefaultValueFactory = _ => 128 };
        var command = new Command("optimize", "Bin-pack small files of each partition into larger ones (dataChange=false).") { path, target };
        command.SetAction(async (parse, ct) =>
        {
            using var handle = await TableLocator.OpenAsync(context, parse, parse.GetRequiredValue(path), ct);
            var result = await context.Progress(parse).RunAsync(view => handle.Table.OptimizeAsync(new OptimizeOptions
            {
                TargetFileSize = parse.GetValue(target) * 1024 * 1024,
                Progress = new MaintenanceProgressReporter("optimize", view),
            }, ct));
            await context.Output.WriteLineAsync(result.Version is { } v
                ? string.Create(CultureInfo.InvariantCulture, $"version {v}: replaced {result.FilesRemoved} file(s) by {result.FilesAdded}")
                : "nothing to compact");
            return 0;
        });
        return command;
    }

    private static Command Checkpoint(CliContext context)
    {
        var path = TableCommands.PathArgument();
        var command = new Command("checkpoint", "Write a checkpoint of the latest version and _last_checkpoint.") { path };
        command.SetAction(async (parse, ct) =>
        {
            using var handle = await TableLocator.OpenAsync(context, parse, parse.GetRequiredValue(path), ct);
            var info = await handle.Table.CheckpointAsync(ct);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"checkpoint at version {info.Version} ({info.Size} actions)"));
            return 0;
        });
        return command;
    }

    private sealed class MaintenanceProgressReporter(string task, IProgressView view) : IProgress<MaintenanceProgress>
    {
        public void Report(MaintenanceProgress value) => view.Report(task, value.Done, value.Total, value.Key);
    }
}
