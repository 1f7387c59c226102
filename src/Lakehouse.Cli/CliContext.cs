using Lakehouse.Delta;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Cli;

/// <summary>What commands need from their environment: output writers and how a table location becomes a store.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Opens the table at a location: a local directory by default (backends replace this to add s3:// and others).</summary>
    public Func<string, CancellationToken, Task<DeltaTable>> OpenTable { get; init; } = OpenLocalAsync;

    private static Task<DeltaTable> OpenLocalAsync(string location, CancellationToken cancellationToken)
    {
        var path = location.StartsWith("file://", StringComparison.Ordinal) ? new Uri(location).LocalPath : location;
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"No directory at {Path.GetFullPath(path)}. Pass the path of a Delta table's root folder.");
        }

        return DeltaTable.OpenAsync(new FileSystemObjectStore(path), string.Empty, cancellationToken: cancellationToken);
    }
}
