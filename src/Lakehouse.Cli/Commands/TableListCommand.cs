using System.CommandLine;
using System.Globalization;
using Lakehouse.Cli.Output;
using Lakehouse.Cli.Targets;
using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Lake;
using Spectre.Console;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse table list [ROOT]</c>: every Delta table (a folder with <c>_delta_log/</c>) under a local folder, an
/// <c>s3://bucket[/prefix]</c>, or the lake bucket (<c>--lake</c>) when no root is given.
/// </summary>
internal static class TableListCommand
{
    public static Command Build(CliContext context)
    {
        var root = new Argument<string?>("root") { Description = "Folder or s3://bucket[/prefix] to search (default: the lake bucket when --lake/LAKE_BUCKET is set, else '.').", DefaultValueFactory = _ => null };
        var command = new Command("list", "Find the Delta tables under a folder or S3 prefix: path, version, live files and rows.") { root };
        command.SetAction(async (parse, ct) =>
        {
            var settings = AwsTargetSettings.Bind(parse, context.Environment);
            var where = parse.GetValue(root);
            var remote = where is null ? settings.Lake : S3Location.IsS3(where) ? S3Location.Parse(where, "The root") : null;
            if (remote is not null)
            {
                using var target = new AwsTarget(settings);
                var runtime = target.Runtime(remote);
                return await PrintAsync(context, remote.ToString(), await FindAsync(runtime.Lake, ct), runtime.Table, ct);
            }

            var folder = Path.GetFullPath(where ?? ".");
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"No directory at {folder}. Pass a folder, or s3://bucket[/prefix] for tables on S3.");
            }

            var roots = Directory.EnumerateDirectories(folder, "_delta_log", SearchOption.AllDirectories)
                .Select(log => Path.GetRelativePath(folder, Path.GetDirectoryName(log)!).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            var local = LakehouseRuntime.ForStore(new FileSystemObjectStore(folder));
            return await PrintAsync(context, folder, roots, r => local.Table(r == "." ? string.Empty : r), ct);
        });
        return command;
    }

    /// <summary>Table roots under <paramref name="store"/>: every key prefix followed by <c>_delta_log/</c>, sorted.</summary>
    private static async Task<IReadOnlyList<string>> FindAsync(IObjectStore store, CancellationToken ct)
    {
        var roots = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync(string.Empty, null, ct))
        {
            var at = info.Key.IndexOf("/_delta_log/", StringComparison.Ordinal);
            if (info.Key.StartsWith("_delta_log/", StringComparison.Ordinal))
            {
                roots.Add(".");
            }
            else if (at > 0)
            {
                roots.Add(info.Key[..at]);
            }
        }

        return roots.ToList();
    }

    private static async Task<int> PrintAsync(CliContext context, string where, IReadOnlyList<string> roots, Func<string, DeltaTable> open, CancellationToken ct)
    {
        var grid = new Table().AddColumns("table", "version", "files", "rows");
        var found = 0;
        foreach (var root in roots)
        {
            var table = open(root == "." ? string.Empty : root);
            if (!await table.ExistsAsync(ct))
            {
                continue;
            }

            var snapshot = await table.GetSnapshotAsync(null, ct);
            grid.AddRow(
                Markup.Escape(root),
                snapshot.Version.ToString(CultureInfo.InvariantCulture),
                snapshot.Files.Count.ToString(CultureInfo.InvariantCulture),
                snapshot.TryGetRowCountFromStats()?.ToString(CultureInfo.InvariantCulture) ?? "?");
            found++;
        }

        if (found == 0)
        {
            await context.Output.WriteLineAsync($"No Delta table under {where}.");
        }
        else
        {
            Consoles.For(context.Output).Write(grid);
        }

        return 0;
    }
}
