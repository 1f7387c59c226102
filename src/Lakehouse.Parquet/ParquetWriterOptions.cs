namespace Lakehouse.Parquet;

/// <summary>How <see cref="ParquetFileWriter"/> lays out a file. The defaults match what Spark and DuckDB read fastest.</summary>
public sealed record ParquetWriterOptions
{
    /// <summary>Page compression; Snappy balances speed and size and is what Delta writers use by default.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>A row group is closed once the uncompressed size estimate of its buffered values reaches this many bytes.</summary>
    public long RowGroupSize { get; init; } = 128L * 1024 * 1024;

    /// <summary>Target uncompressed size of one data page.</summary>
    public int PageSize { get; init; } = 1024 * 1024;

    /// <summary>Dictionary-encode columns while their dictionary stays under <see cref="DictionaryPageSizeLimit"/>.</summary>
    public bool EnableDictionary { get; init; } = true;

    /// <summary>When a column's dictionary grows past this many bytes, later pages of the chunk fall back to PLAIN.</summary>
    public int DictionaryPageSizeLimit { get; init; } = 1024 * 1024;

    /// <summary>Extra footer key-value metadata (Spark and Delta keep schema hints here).</summary>
    public IReadOnlyDictionary<string, string>? KeyValueMetadata { get; init; }

    /// <summary>The footer's created_by string.</summary>
    public string CreatedBy { get; init; } = "lakehouse-parquet version 1.0.0 (build lakehouse)";

    /// <summary>Top-level columns are shredded, encoded and compressed on up to this many threads.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Writes data page v2 headers instead of v1 (levels uncompressed, values compressed).</summary>
    public bool UseDataPageV2 { get; init; }
}
