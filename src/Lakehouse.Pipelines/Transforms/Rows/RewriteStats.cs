namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>What a <see cref="KeyedRewriter"/> pass did to the target table's files.</summary>
internal sealed class RewriteStats
{
    public int FilesPruned { get; set; }

    public int FilesRead { get; set; }

    public int FilesRewritten { get; set; }

    /// <summary>Rows of rewritten files whose keys were not affected, copied unchanged.</summary>
    public long RowsCarried { get; set; }

    public long RowsWritten { get; set; }
}
