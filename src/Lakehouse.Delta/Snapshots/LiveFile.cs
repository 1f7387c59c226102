using Lakehouse.Delta.Actions;

namespace Lakehouse.Delta.Snapshots;

/// <summary>
/// A data file that is part of a snapshot: the <c>add</c> action, the object key of the file, partition values typed by
/// the schema (canonical boxed values, null for null) and lazily parsed stats.
/// </summary>
public sealed class LiveFile
{
    private FileStats? _stats;
    private bool _statsParsed;

    public LiveFile(AddFile add, string key, IReadOnlyDictionary<string, object?> partitionValues)
    {
        Add = add ?? throw new ArgumentNullException(nameof(add));
        Key = key ?? throw new ArgumentNullException(nameof(key));
        PartitionValues = partitionValues ?? throw new ArgumentNullException(nameof(partitionValues));
    }

    public AddFile Add { get; }

    /// <summary>The log path as written (URI-encoded, relative to the table root or absolute).</summary>
    public string Path => Add.Path;

    /// <summary>The object key in the table's store (decoded once, joined to the table root).</summary>
    public string Key { get; }

    /// <summary>Partition values typed by the table schema (column name as in metaData.partitionColumns).</summary>
    public IReadOnlyDictionary<string, object?> PartitionValues { get; }

    public long Size => Add.Size;

    /// <summary>The file's statistics, or null when the writer recorded none.</summary>
    public FileStats? Stats
    {
        get
        {
            if (!_statsParsed)
            {
                _stats = FileStats.TryParse(Add.Stats);
                _statsParsed = true;
            }

            return _stats;
        }
    }

    public override string ToString() => Path;
}
