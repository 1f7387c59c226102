using System.CommandLine;
using Lakehouse.Delta;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Cli.Targets;

/// <summary>
/// Resolves the table argument of <c>table describe|history|read|optimize|checkpoint|vacuum</c>:
/// <list type="bullet">
/// <item><c>s3://bucket/path</c> (or <c>s3a://</c>): on S3, commits coordinated as configured (<c>--coordinator</c>);</item>
/// <item>an existing local folder (or <c>file://</c> URI): on the filesystem;</item>
/// <item>otherwise, when a lake bucket is configured (<c>--lake</c>, LAKE_BUCKET): a path inside it, such as <c>retail/silver/orders</c>.</item>
/// </list>
/// </summary>
internal static class TableLocator
{
    public static async Task<TableHandle> OpenAsync(CliContext context, ParseResult parse, string location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(location);
        if (S3Location.IsS3(location))
        {
            var s3 = S3Location.Parse(location, "The table location");
            return await OpenOnS3Async(AwsTargetSettings.Bind(parse, context.Environment), s3 with { Prefix = string.Empty }, s3.Prefix, location, cancellationToken);
        }

        var path = location.StartsWith("file://", StringComparison.Ordinal) ? new Uri(location).LocalPath : location;
        if (Directory.Exists(path))
        {
            var table = await DeltaTable.OpenAsync(new FileSystemObjectStore(path), string.Empty, cancellationToken: cancellationToken);
            return new TableHandle(table, location, null);
        }

        var settings = AwsTargetSettings.Bind(parse, context.Environment);
        if (settings.Lake is { } lake && !Path.IsPathRooted(path))
        {
            return await OpenOnS3Async(settings, lake, path.Replace('\\', '/').Trim('/'), location, cancellationToken);
        }

        throw new DirectoryNotFoundException(
            $"No directory at {Path.GetFullPath(path)}. Pass the path of a Delta table's root folder, an s3://bucket/path, or a path inside the lake bucket with --lake s3://bucket.");
    }

    private static async Task<TableHandle> OpenOnS3Async(AwsTargetSettings settings, S3Location lake, string tableRoot, string location, CancellationToken cancellationToken)
    {
        var target = new AwsTarget(settings);
        try
        {
            var table = target.Runtime(lake).Table(tableRoot);
            if (!await table.ExistsAsync(cancellationToken))
            {
                throw new Delta.Errors.DeltaTableNotFoundException(table.TableUri);
            }

            return new TableHandle(table, location, target);
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }
}
