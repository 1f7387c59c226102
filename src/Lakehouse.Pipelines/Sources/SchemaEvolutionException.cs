namespace Lakehouse.Pipelines.Sources;

/// <summary>A file cannot be ingested into its table's schema (failOnNewColumns with new columns, or a reserved column of the wrong type).</summary>
public sealed class SchemaEvolutionException : LakehouseException
{
    public SchemaEvolutionException(string sourceUri, string table, IReadOnlyList<string> newColumns, string reason)
        : base($"Cannot ingest '{sourceUri}' into bronze table '{table}': {reason}")
    {
        SourceUri = sourceUri;
        Table = table;
        NewColumns = newColumns;
    }

    public string SourceUri { get; }

    public string Table { get; }

    /// <summary>Columns of the file that the table lacks.</summary>
    public IReadOnlyList<string> NewColumns { get; }
}
