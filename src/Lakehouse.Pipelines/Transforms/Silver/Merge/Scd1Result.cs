using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Silver.Merge;

/// <summary>What an SCD1 merge staged: key counts, file counts, and the tombstones of the deletes it applied.</summary>
internal sealed class Scd1Result
{
    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Deleted { get; set; }

    public long Ignored { get; set; }

    public RewriteStats Files { get; } = new();

    /// <summary>Files whose key statistics did not exclude the changes but whose key column (read alone) holds none to replace.</summary>
    public int FilesSkippedByKeyProbe { get; set; }

    /// <summary>Key columns then the sequence column of every applied delete (including deletes of absent keys); null when none.</summary>
    public IReadOnlyList<ColumnVector>? Tombstones { get; set; }
}
