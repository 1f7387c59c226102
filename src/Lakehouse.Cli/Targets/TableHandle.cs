using Lakehouse.Delta;

namespace Lakehouse.Cli.Targets;

/// <summary>An opened table and the AWS clients it uses (disposed with it).</summary>
internal sealed class TableHandle(DeltaTable table, string location, IDisposable? owned) : IDisposable
{
    public DeltaTable Table { get; } = table;

    /// <summary>The location as the user wrote it (a folder or an s3:// URI).</summary>
    public string Location { get; } = location;

    public void Dispose() => owned?.Dispose();
}
